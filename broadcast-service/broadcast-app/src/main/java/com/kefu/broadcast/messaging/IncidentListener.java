package com.kefu.broadcast.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.broadcast.command.EmergencyDesk;
import com.kefu.broadcast.command.EmergencyTemplates;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A fire reported in the duty log (D10) airs the evacuation template at once, in both languages (B7): once per
 * incident, however often the event arrives. Other incidents and other duty log events do not concern broadcasts.
 */
@Component
class IncidentListener {

    static final String CONSUMER = "broadcast.fire-evacuation";
    static final String ACTOR = "system:emergency";
    private static final Logger log = LoggerFactory.getLogger(IncidentListener.class);

    private final EmergencyDesk desk;
    private final ProcessedEvents processed;
    private final ObjectMapper json;

    IncidentListener(EmergencyDesk desk, ProcessedEvents processed,
                     @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.desk = desk;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = "dutylog-incidents", idIsGroup = false, topics = DutylogTopics.EVENTS)
    void on(EventEnvelope event) throws JsonProcessingException {
        if (!"IncidentReported".equals(event.type())) {
            return;
        }
        // decided on the raw data first: an incident of a category this service does not know yet is no fire
        boolean fire = EntryCategory.FIRE.name().equals(event.data().path("category").asText())
                || event.data().hasNonNull("fire");
        if (!fire) {
            return;
        }
        IncidentReportedEvent incident = json.treeToValue(event.data(), IncidentReportedEvent.class);
        boolean[] aired = {false};
        processed.once(CONSUMER, event, () -> aired[0] = desk.air(EmergencyTemplates.FIRE_EVACUATION,
                incident.incidentId(), cause(incident), ACTOR).isPresent());
        if (aired[0]) {
            log.warn("fire reported (incident {}): the evacuation announcement aired", incident.incidentId());
        }
    }

    private static String cause(IncidentReportedEvent incident) {
        FireDetails fire = incident.fire();
        StringBuilder cause = new StringBuilder("fire");
        if (fire != null) {
            cause.append(" at ").append(fire.fireLocation());
            if (fire.burning() != null && !fire.burning().isBlank()) {
                cause.append(", burning ").append(fire.burning());
            }
            cause.append(fire.flame() ? ", flames" : "").append(fire.smoke() ? ", smoke" : "");
        } else if (incident.location() != null) {
            cause.append(" at ").append(incident.location());
        }
        // not who reported it (PD1): a customer who called it in is a person whose name the announcement's log,
        // its topic and its readers do not need; the duty log's incident form keeps it
        return cause.toString();
    }
}
