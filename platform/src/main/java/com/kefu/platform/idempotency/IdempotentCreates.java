package com.kefu.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.rules.RuleViolation;
import com.kefu.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates at most once per {@code Idempotency-Key} (API-IDEM): a retry with the same key by the same user answers
 * what the first creation answered and creates nothing; the same key from another user is refused (409
 * {@code idempotency-key-reused}). The key is claimed, the record created and its answer written in one
 * transaction (the command's: Axon joins it), so a concurrent retry waits on the claimed row until the first commits
 * and then finds its answer; a creation that fails leaves no claim behind. Keys are kept per {@code scope}, the kind
 * of record created. Answers are stored as JSON: ids and numbers, never personal data.
 */
public class IdempotentCreates {

    /** The header a client sends to make a create safe to retry. */
    public static final String HEADER = "Idempotency-Key";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public IdempotentCreates(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * What {@code create} answers, once per {@code key} of {@code scope}; without a key, {@code create} as it is.
     * {@code answer} is the type of what {@code create} answers, read back for a retry.
     */
    public <T> T once(String scope, String key, Class<T> answer, Supplier<T> create) {
        if (key == null) {
            return create.get();
        }
        return transaction.execute(status -> {
            String username = CurrentUser.get().username();
            Optional<T> earlier = claim(scope, key, username, answer);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            T created = create.get();
            jdbc.update("update idempotent_create set answer = ? where scope = ? and idempotency_key = ?",
                    write(created), scope, key);
            return created;
        });
    }

    /**
     * Takes the key, or answers what the earlier create with it answered. A concurrent create with the same key
     * waits on the row lock until the first commits (or rolls back: then this one takes the key).
     */
    private <T> Optional<T> claim(String scope, String key, String username, Class<T> answer) {
        int claimed = jdbc.update("""
                insert into idempotent_create (scope, idempotency_key, username) values (?, ?, ?)
                on conflict do nothing""", scope, key, username);
        if (claimed == 1) {
            return Optional.empty();
        }
        String earlier = jdbc.query("select answer from idempotent_create where scope = ? and idempotency_key = ? "
                        + "and username = ?", (rs, row) -> rs.getString("answer"), scope, key, username)
                .stream().findFirst()
                .orElseThrow(() -> new RuleViolation("idempotency-key-reused",
                        "this Idempotency-Key was already used by another user; use a new key"));
        return Optional.of(read(earlier, answer));
    }

    private String write(Object created) {
        try {
            return json.writeValueAsString(created);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON: " + created, e);
        }
    }

    private <T> T read(String earlier, Class<T> answer) {
        try {
            return json.readValue(earlier, answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer that does not read as " + answer.getName(), e);
        }
    }
}
