package com.kefu.dutylog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.command.ShiftDesk;
import com.kefu.dutylog.command.ShiftDesk.ComplaintCall;
import com.kefu.platform.messaging.EventEnvelope;
import com.kefu.platform.messaging.ProcessedEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Complaint calls (complaints received by phone) enter the duty log once, however often they arrive (D11). */
@Component
class ComplaintCallListener {

    static final String CONSUMER = "dutylog.complaint-calls";

    private final ShiftDesk desk;
    private final ProcessedEvents processed;
    private final ObjectMapper json;

    ComplaintCallListener(ShiftDesk desk, ProcessedEvents processed,
                          @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.desk = desk;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = "complaint-calls", idIsGroup = false, topics = ComplaintTopics.EVENTS)
    void on(EventEnvelope event) throws JsonProcessingException {
        if (!"ComplaintReceived".equals(event.type())) {
            return;
        }
        ComplaintReceivedEvent complaint = json.treeToValue(event.data(), ComplaintReceivedEvent.class);
        if (complaint.channel() != Channel.PHONE) {
            return;
        }
        processed.once(CONSUMER, event, () -> desk.takeComplaintCall(new ComplaintCall(complaint.complaintId(),
                complaint.number(), complaint.subject(), complaint.receivedBy(), complaint.receivedAt())));
    }
}
