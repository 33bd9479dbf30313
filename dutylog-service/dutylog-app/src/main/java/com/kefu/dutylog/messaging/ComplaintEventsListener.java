package com.kefu.dutylog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.dutylog.command.SupervisorInstructions;
import com.kefu.dutylog.command.ShiftDesk;
import com.kefu.dutylog.command.ShiftDesk.ComplaintCall;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * What the duty log takes from complaint.events, each event once however often it arrives: complaint calls
 * (complaints received by phone) enter the shift on duty (D11); MAJOR complaints escalated and not yet resolved
 * hold up every handover (D7); the supervisor's instructions on them go into the next handover (C14, D20). One listener for the topic: two in one consumer group would share its partitions.
 */
@Component
class ComplaintEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEventsListener.class);

    static final String CALLS = "dutylog.complaint-calls";
    static final String MAJOR_COMPLAINTS = "dutylog.major-complaints";

    private final ShiftDesk desk;
    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SupervisorInstructions instructions;

    ComplaintEventsListener(ShiftDesk desk, ProcessedEvents processed, JdbcTemplate jdbc,
                            @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                            SupervisorInstructions instructions) {
        this.instructions = instructions;
        this.desk = desk;
        this.processed = processed;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(id = "complaint-events", idIsGroup = false, topics = ComplaintTopics.EVENTS)
    void on(EventEnvelope event) throws JsonProcessingException {
        switch (event.type()) {
            case "ComplaintReceived" -> received(event);
            case "ComplaintEscalated" -> escalated(event);
            case "ComplaintResolved", "ComplaintArchived" -> majorComplaint(event, false);
            case "ComplaintReopened" -> majorComplaint(event, true);
            case "SupervisorInstructionsRecorded" -> supervisorInstructions(event);
            default -> { }
        }
    }

    private void received(EventEnvelope event) throws JsonProcessingException {
        ComplaintReceivedEvent complaint = json.treeToValue(event.data(), ComplaintReceivedEvent.class);
        if (complaint.channel() != Channel.PHONE) {
            return;
        }
        if (processed.once(CALLS, event, () -> desk.takeComplaintCall(new ComplaintCall(complaint.complaintId(),
                complaint.number(), complaint.subject(), complaint.receivedBy(), complaint.receivedAt())))) {
            // with the trace id of the request that registered the complaint (the record's traceparent)
            log.info("complaint call {} taken for the duty log (event {})", complaint.number(), event.id());
        }
    }

    private void escalated(EventEnvelope event) throws JsonProcessingException {
        ComplaintEscalatedEvent escalation = json.treeToValue(event.data(), ComplaintEscalatedEvent.class);
        if (escalation.severity() != Severity.MAJOR) {
            return;
        }
        processed.once(MAJOR_COMPLAINTS, event, () -> jdbc.update("""
                insert into major_complaint (complaint_id, number, open, updated_at) values (?, ?, true, ?)
                on conflict (complaint_id) do update set open = true, updated_at = excluded.updated_at""",
                escalation.complaintId(), escalation.number(), Timestamp.from(event.occurredAt())));
    }

    /** The supervisor's instructions on an escalated complaint wait for the next handover (C14, D20). */
    private void supervisorInstructions(EventEnvelope event) throws JsonProcessingException {
        if (event.version() != 1) {
            return;
        }
        SupervisorInstructionsRecordedEvent given = json.treeToValue(event.data(),
                SupervisorInstructionsRecordedEvent.class);
        instructions.learn(event.id().toString(), given.complaintId(), given.number(), given.givenBy(),
                given.instructions(), given.givenAt());
    }

    /** Resolved or archived closes a MAJOR complaint; reopened (an unsatisfied customer) opens it again. */
    private void majorComplaint(EventEnvelope event, boolean open) {
        processed.once(MAJOR_COMPLAINTS, event, () -> jdbc.update(
                "update major_complaint set open = ?, updated_at = ? where complaint_id = ?",
                open, Timestamp.from(event.occurredAt()), event.aggregateId()));
    }
}
