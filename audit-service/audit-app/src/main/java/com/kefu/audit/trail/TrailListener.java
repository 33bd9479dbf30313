package com.kefu.audit.trail;

import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Feeds the trail from every topic a service publishes on, from offset 0, in audit-service's own consumer group (A2):
 * each event once however often it is delivered ({@link ProcessedEvents}); a record that cannot be read goes to its
 * topic's dead-letter topic (the platform's consumers). {@link #replay} empties the trail and reads every topic again
 * from its beginning.
 */
@Component
public class TrailListener extends AbstractConsumerSeekAware {

    static final String CONSUMER = "audit.trail";

    private final ProcessedEvents processed;
    private final Trail trail;

    TrailListener(ProcessedEvents processed, Trail trail) {
        this.processed = processed;
        this.trail = trail;
    }

    @KafkaListener(id = "audit-trail", idIsGroup = false, topics = {ComplaintTopics.EVENTS, DutylogTopics.EVENTS,
            BroadcastTopics.EVENTS, MembershipTopics.EVENTS, "${kefu.audit.chain-head-topic:audit.chain-heads}"})
    void on(EventEnvelope event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        processed.once(CONSUMER, event, () -> trail.record(topic, event));
    }

    /**
     * The trail wiped and read again from every topic's first record: what the topics hold is the whole trail. The
     * partitions this instance reads are read again; run it with one instance.
     */
    public void replay() {
        trail.wipe(CONSUMER);
        seekToBeginning();
    }
}
