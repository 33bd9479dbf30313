package com.kefu.platform.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The auditors' check of a service's event store (A1): each event's hash, kept by PostgreSQL as the event is appended
 * ({@code V5__event_chain.sql}), is computed again from the event as it is stored now and the hash of the event
 * before it in its aggregate, and each history must run 0, 1, 2 … without a hole. The first event that fails is
 * named. The head is the digest of every event's hash in the order of the global index: what it was when published
 * ({@link ChainHeads}) shows whether anything was cut from the end of a history or removed whole since, and whether the
 * store was rewritten from some event on with its hashes recomputed to fit: the store must still pass through
 * every head it published.
 */
public class EventChain {

    private static final String HEAD = "select count(*), coalesce(max(global_index), 0), sha256(coalesce(string_agg("
            + "chain_hash, ''::bytea order by global_index), ''::bytea)) from domain_event_entry";

    private final JdbcTemplate jdbc;
    private final String service;

    public EventChain(JdbcTemplate jdbc, String service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    public String service() {
        return service;
    }

    /** The first event whose hash or place in its history does not hold, by global index. */
    public record Broken(long globalIndex, String eventId, String aggregateId) {
    }

    /** The store's head up to {@code globalIndex}: {@code events} events whose hashes digest to {@code head}. */
    public record Head(long events, long globalIndex, String head) {
    }

    /** A head as this service published it ({@code ChainHeadRecorded}), with when. */
    public record PublishedHead(long events, long globalIndex, String head, Instant recordedAt) {
    }

    /**
     * The heads this service published that the check could read: how many, the latest, and the first (in the order
     * of the global index) the store no longer passes through, null when it passes through every one.
     */
    public record Published(int heads, PublishedHead latest, PublishedHead firstNotPassed) {
    }

    /**
     * What the check found: {@code intact} when no event is broken and the store passes through every head it
     * published. {@code published} is null when no head was published yet (or none could be read: then
     * {@code publishedUnreadable} says why, and the check covers the store alone).
     */
    public record Verification(String service, long events, String head, boolean intact, Broken firstBroken,
                               Published published, String publishedUnreadable) {
    }

    /** The check of the store alone. */
    public Verification verify() {
        return verify(List.of(), null);
    }

    /**
     * The check of the store, and of the store against the heads it published ({@code published}, in any order;
     * {@code unreadable} says why they could not be read, if so). A store rewritten from some event on, every hash
     * recomputed to fit, no longer passes through the heads published after that event: the first event after the
     * last head it still passes through is named.
     */
    public Verification verify(List<PublishedHead> published, String unreadable) {
        Optional<Broken> broken = firstBroken();
        Head now = head(Long.MAX_VALUE);
        Published compared = null;
        Optional<Broken> rewritten = Optional.empty();
        if (!published.isEmpty()) {
            List<PublishedHead> heads = published.stream()
                    .sorted(Comparator.comparingLong(PublishedHead::globalIndex)).toList();
            PublishedHead latest = published.stream().max(Comparator.comparing(PublishedHead::recordedAt)
                    .thenComparingLong(PublishedHead::globalIndex)).orElseThrow();
            int notPassed = firstNotPassed(heads);
            compared = new Published(heads.size(), latest, notPassed < 0 ? null : heads.get(notPassed));
            if (notPassed >= 0) {
                // the last index the store is known to pass through: a head of the same index as the one it does not
                // pass through (published again after the rewrite) says nothing about where the rewrite began
                long failedAt = heads.get(notPassed).globalIndex();
                long passed = heads.subList(0, notPassed).stream().mapToLong(PublishedHead::globalIndex)
                        .filter(index -> index < failedAt).max().orElse(-1);
                rewritten = firstAfter(passed);
            }
        }
        Optional<Broken> first = Stream.of(broken, rewritten).flatMap(Optional::stream)
                .min(Comparator.comparingLong(Broken::globalIndex));
        boolean intact = first.isEmpty() && (compared == null || compared.firstNotPassed() == null);
        return new Verification(service, now.events(), now.head(), intact, first.orElse(null), compared, unreadable);
    }

    /** The store's head over the events up to {@code globalIndex}. */
    public Head head(long globalIndex) {
        return jdbc.queryForObject(HEAD + " where global_index <= ?", (row, n) -> new Head(row.getLong(1),
                row.getLong(2), HexFormat.of().formatHex(row.getBytes(3))), globalIndex);
    }

    /**
     * The head a service may publish now: over the events up to the highest global index committed, once every
     * transaction that was still running then has ended, so that no event can later appear below it (a transaction
     * draws its global index before it commits). Empty if one of them is still running after {@code settle}.
     */
    public Optional<Head> settledHead(Duration settle) {
        record Snapshot(String snapshot, long top) {
        }
        Snapshot taken = jdbc.queryForObject("select pg_current_snapshot()::text, "
                        + "(select coalesce(max(global_index), 0) from domain_event_entry)",
                (row, n) -> new Snapshot(row.getString(1), row.getLong(2)));
        long deadline = System.nanoTime() + settle.toNanos();
        while (true) {
            Integer running = jdbc.queryForObject("select count(*) from pg_snapshot_xip(?::pg_snapshot) x "
                    + "where pg_xact_status(x) = 'in progress'", Integer.class, taken.snapshot());
            if (running == null || running == 0) {
                return Optional.of(head(taken.top()));
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * The place in {@code heads} (sorted by global index) of the first head the store does not pass through, -1 if it
     * passes through all: one walk through the store's hashes in the order of the global index, the digest so far
     * compared at each head's index.
     */
    private int firstNotPassed(List<PublishedHead> heads) {
        MessageDigest digest = sha256();
        long[] events = {0};
        int[] next = {0};
        int[] failed = {-1};
        jdbc.query("select global_index, chain_hash from domain_event_entry order by global_index", (RowCallbackHandler) row -> {
            long index = row.getLong(1);
            while (failed[0] < 0 && next[0] < heads.size() && heads.get(next[0]).globalIndex() < index) {
                if (!passes(heads.get(next[0]), digest, events[0])) {
                    failed[0] = next[0];
                }
                next[0]++;
            }
            byte[] hash = row.getBytes(2);
            if (hash != null) {
                digest.update(hash);
            }
            events[0]++;
        });
        while (failed[0] < 0 && next[0] < heads.size()) {
            if (!passes(heads.get(next[0]), digest, events[0])) {
                failed[0] = next[0];
            }
            next[0]++;
        }
        return failed[0];
    }

    private static boolean passes(PublishedHead head, MessageDigest digest, long events) {
        try {
            MessageDigest upToHere = (MessageDigest) digest.clone();
            return head.events() == events && HexFormat.of().formatHex(upToHere.digest()).equals(head.head());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    private Optional<Broken> firstAfter(long globalIndex) {
        return jdbc.query("select global_index, event_identifier, aggregate_identifier from domain_event_entry "
                        + "where global_index > ? order by global_index limit 1",
                (row, n) -> new Broken(row.getLong(1), row.getString(2), row.getString(3)), globalIndex)
                .stream().findFirst();
    }

    private Optional<Broken> firstBroken() {
        List<Broken> broken = jdbc.query("""
                select global_index, event_identifier, aggregate_identifier from (
                    select global_index, event_identifier, aggregate_identifier,
                           chain_hash is distinct from kefu_event_digest(lag(chain_hash) over history, e)
                           or sequence_number <> coalesce(lag(sequence_number) over history + 1, 0) as broken
                    from domain_event_entry e
                    window history as (partition by aggregate_identifier order by sequence_number)) checked
                where broken order by global_index limit 1""",
                (row, n) -> new Broken(row.getLong(1), row.getString(2), row.getString(3)));
        return broken.stream().findFirst();
    }
}
