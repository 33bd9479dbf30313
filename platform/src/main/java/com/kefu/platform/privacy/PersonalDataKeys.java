package com.kefu.platform.privacy;

import com.kefu.platform.ids.RandomIdentifiers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the data subjects (S3), one AES key each, in {@code personal_data_key}, apart from the events.
 * Keys are cached for a short while once their transaction has committed (a key drawn in a transaction that rolls
 * back never reaches the cache); an erasure deletes the key, here at once, on other instances within the cache's
 * lifetime ({@code kefu.privacy.key-cache}). The cache holds at most {@value #CACHED_KEYS} keys: every complaint,
 * enquiry and member is a subject of its own, and a map that only ever grew held one key per complaint of the
 * service's life (121,378 after ten minutes of the intake benchmark).
 */
public class PersonalDataKeys {

    static final int CACHED_KEYS = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Cache<String, SecretKey> cache;

    public PersonalDataKeys(JdbcTemplate jdbc, Clock clock, Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(CACHED_KEYS).expireAfterWrite(lifetime).build();
    }

    /** The subject's key, made now if it has none (a first record, or new data after an erasure). */
    public SecretKey keyFor(String subject) {
        SecretKey cached = cache.getIfPresent(subject);
        if (cached == null) {
            cached = drawnInThisTransaction().get(subject);
        }
        if (cached != null) {
            return cached;
        }
        // one round trip for a new subject (the usual case: a record being created); the existing key otherwise
        byte[] secret = new byte[32];
        RandomIdentifiers.random().nextBytes(secret);
        List<byte[]> inserted = jdbc.queryForList("""
                insert into personal_data_key (subject, secret) values (?, ?) on conflict do nothing
                returning secret""", byte[].class, subject, secret);
        if (inserted.isEmpty()) {
            return load(subject).orElseThrow();
        }
        SecretKey key = new SecretKeySpec(inserted.get(0), "AES");
        remember(subject, key);
        return key;
    }

    /** The subject's key, unless their data was erased (or never written). */
    public Optional<SecretKey> find(String subject) {
        SecretKey cached = cache.getIfPresent(subject);
        if (cached == null) {
            cached = drawnInThisTransaction().get(subject);
        }
        return cached != null ? Optional.of(cached) : load(subject);
    }

    private Optional<SecretKey> load(String subject) {
        List<byte[]> secrets = jdbc.queryForList("select secret from personal_data_key where subject = ?",
                byte[].class, subject);
        if (secrets.isEmpty()) {
            cache.invalidate(subject);
            return Optional.empty();
        }
        SecretKey key = new SecretKeySpec(secrets.get(0), "AES");
        remember(subject, key);
        return Optional.of(key);
    }

    private void remember(String subject, SecretKey key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            drawnInThisTransaction().put(subject, key);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.put(subject, key);
                }
            });
        } else {
            cache.put(subject, key);
        }
    }

    /**
     * The keys this transaction drew or read, for the rest of it: a record created with two events (a complaint and
     * its customer's contact) asks for its subject's key twice before the first key reaches the cache at commit.
     * Empty outside a transaction.
     */
    private Map<String, SecretKey> drawnInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, SecretKey> drawn = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (drawn == null) {
            Map<String, SecretKey> keys = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, keys);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonalDataKeys.this);
                }
            });
            drawn = keys;
        }
        return drawn;
    }

    /** Deletes the subject's key and records who erased it, when and why; answers whether there was one. */
    public boolean erase(String subject, String erasedBy, String reason) {
        int deleted = jdbc.update("delete from personal_data_key where subject = ?", subject);
        jdbc.update("""
                insert into personal_data_erasure (subject, erased_by, reason, erased_at) values (?, ?, ?, ?)
                on conflict (subject) do update set erased_by = excluded.erased_by, reason = excluded.reason,
                    erased_at = excluded.erased_at""",
                subject, erasedBy, reason, Timestamp.from(clock.instant()));
        cache.invalidate(subject);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            drawnInThisTransaction().remove(subject);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(subject);
                }
            });
        }
        return deleted == 1;
    }
}
