package com.kefu.broadcast.command;

import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.broadcast.api.ScriptRevisedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the event store itself knows, for checks that must not wait for a read model to catch up: a script drafted
 * a moment ago can be planned at once. (Histories come from platform's {@code EventHistory}.)
 */
@Component
public class StoredEvents {

    private final EventStore events;
    private final JdbcTemplate jdbc;

    StoredEvents(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Whether an aggregate of this type ({@code Script}, {@code Equipment}, {@code Emergency}) has this id. */
    public boolean exists(String aggregateId, String aggregateType) {
        return !jdbc.queryForList("""
                select 1 from domain_event_entry where aggregate_identifier = ? and sequence_number = 0 and type = ?""",
                Integer.class, aggregateId, aggregateType).isEmpty();
    }

    /** The programme of a script's latest version, or empty when there is no such script. */
    public Optional<String> programmeOfScript(String scriptId) {
        if (!exists(scriptId, "Script")) {
            return Optional.empty();
        }
        String programme = null;
        for (DomainEventMessage<?> event : events.readEvents(scriptId).asStream().toList()) {
            if (event.getPayload() instanceof ScriptDraftedEvent drafted) {
                programme = drafted.programme();
            } else if (event.getPayload() instanceof ScriptRevisedEvent revised) {
                programme = revised.programme();
            }
        }
        return Optional.ofNullable(programme);
    }
}
