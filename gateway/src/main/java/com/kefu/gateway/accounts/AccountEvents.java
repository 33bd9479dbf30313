package com.kefu.gateway.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.UUID;

/**
 * Records an account's event in the outbox, in the transaction of the change it records (so that the two never
 * diverge), as the envelope every service publishes (ARCHITECTURE.md): key and aggregate id the user name, sequence
 * the account's count of events. {@link AccountOutbox} puts it on {@code account.events} after the commit.
 */
@Component
class AccountEvents {

    /** The envelope as the platform's serializer writes it: ISO-8601 instants. */
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccountOutbox outbox;
    private final AccountStates states;

    AccountEvents(JdbcTemplate jdbc, Clock clock, AccountOutbox outbox, AccountStates states) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.states = states;
    }

    /**
     * Within the caller's transaction: the account's event count moves on and the event waits in the outbox; at the
     * commit, this instance forgets what it knew of the account's tokens and the outbox publishes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(String username, String actor, Object event) {
        PublishedEvent published = event.getClass().getAnnotation(PublishedEvent.class);
        Long sequence = jdbc.queryForObject(
                "update account set events = events + 1 where username = ? returning events", Long.class, username);
        UUID id = UUID.randomUUID();
        JsonNode data = JSON.valueToTree(event);
        EventEnvelope envelope = new EventEnvelope(id, published.type(), published.version(), username,
                sequence == null ? 0 : sequence, clock.instant(), actor, null, data);
        try {
            jdbc.update("insert into account_outbox (event_id, username, envelope) values (?, ?, ?)", id, username,
                    JSON.writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the account event as JSON", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                states.forget(username);
                outbox.wake();
            }
        });
    }
}
