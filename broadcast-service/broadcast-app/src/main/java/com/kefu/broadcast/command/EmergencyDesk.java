package com.kefu.broadcast.command;

import com.kefu.broadcast.command.Emergency.AirEmergencyCommand;
import com.kefu.broadcast.command.EmergencyTemplates.Template;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Airs the pre-approved emergency templates (B7): at once, both languages, logged. Those need no approval at the
 * moment of the emergency: their texts were approved when they were entered.
 */
@Service
public class EmergencyDesk {

    private final Commands commands;
    private final EmergencyTemplates templates;
    private final StoredEvents events;
    private final IdempotentCreates creates;
    private final Clock clock;

    public EmergencyDesk(Commands commands, EmergencyTemplates templates, StoredEvents events,
                         IdempotentCreates creates, Clock clock) {
        this.commands = commands;
        this.templates = templates;
        this.events = events;
        this.creates = creates;
        this.clock = clock;
    }

    /**
     * Staff call for {@code template} at once; sent again with the same {@code idempotencyKey} (the answer was lost on
     * the way) it answers the first airing and airs nothing again (API-IDEM). Never refused for anything but an
     * unknown template.
     */
    public Aired airNow(String template, String cause, String actor, String idempotencyKey) {
        return creates.once("emergency", idempotencyKey, Aired.class,
                () -> air(template, null, cause, actor).orElseThrow());
    }

    /**
     * {@code incidentId}: the duty log's incident that calls for it, or null when staff call for it directly. An
     * incident whose announcement aired already is not aired again, whichever event reported it.
     */
    public Optional<Aired> air(String template, String incidentId, String cause, String actor) {
        Template text = templates.find(template)
                .orElseThrow(() -> new NotFound("no emergency template " + template));
        String emergencyId = incidentId != null ? Emergency.emergencyIdFor(incidentId)
                : "emergency-" + UUID.randomUUID();
        if (incidentId != null && events.exists(emergencyId, Emergency.class.getSimpleName())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        commands.sendAs(actor, null, new AirEmergencyCommand(emergencyId, text.code(), text.title(), text.textZh(),
                text.textRu(), incidentId, cause, actor, now));
        return Optional.of(new Aired(emergencyId, text.code(), incidentId, now));
    }

    public record Aired(String id, String template, String incidentId, Instant airedAt) {
    }
}
