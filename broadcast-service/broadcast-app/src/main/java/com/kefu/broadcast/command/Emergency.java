package com.kefu.broadcast.command;

import com.kefu.broadcast.api.EmergencyAiredEvent;
import com.kefu.broadcast.api.Language;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An emergency announcement (B7): a pre-approved template aired at once, Chinese then Russian. One per incident:
 * its id is derived from the incident's, so the same incident cannot air it twice.
 */
@Aggregate
public class Emergency {

    static final List<Language> ORDER = List.of(Language.ZH, Language.RU);

    @AggregateIdentifier
    private String emergencyId;

    protected Emergency() {
    }

    public static String emergencyIdFor(String incidentId) {
        return "emergency-" + incidentId;
    }

    record AirEmergencyCommand(@TargetAggregateIdentifier String emergencyId, String template, String title,
                               String textZh, String textRu, String incidentId, String cause, String actor,
                               Instant at) {
    }

    @CommandHandler
    public Emergency(AirEmergencyCommand command) {
        // a template is bilingual like every script; a broken one is refused, not aired in one language (B2)
        ScriptLanguages.requireBilingual(command.textZh(), command.textRu());
        apply(new EmergencyAiredEvent(command.emergencyId(), command.template(), command.title(), command.textZh(),
                command.textRu(), ORDER, command.incidentId(), command.cause(), command.actor(), command.at()));
    }

    @EventSourcingHandler
    void on(EmergencyAiredEvent event) {
        emergencyId = event.emergencyId();
    }
}
