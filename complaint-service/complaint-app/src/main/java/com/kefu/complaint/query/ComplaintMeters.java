package com.kefu.complaint.query;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator watches of the complaints: intakes ({@value #REGISTERED}, by channel) and stage deadlines missed
 * ({@value #DEADLINES_MISSED}, by priority), counted by the instance that stores the events, once their transaction
 * has committed: never on a replay, and summed over the instances by the scraper. Every series exists from the start
 * (at 0), so a rate is defined before the first complaint.
 */
@Component
class ComplaintMeters {

    static final String REGISTERED = "kefu.complaints.registered";
    static final String DEADLINES_MISSED = "kefu.complaints.deadlines.missed";

    private final Map<Channel, Counter> registered = new EnumMap<>(Channel.class);
    private final Map<Priority, Counter> missed = new EnumMap<>(Priority.class);

    ComplaintMeters(EventBus events, MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            registered.put(channel, Counter.builder(REGISTERED).tag("channel", channel.name())
                    .description("complaints registered").register(registry));
        }
        for (Priority priority : Priority.values()) {
            missed.put(priority, Counter.builder(DEADLINES_MISSED).tag("priority", priority.name())
                    .description("stage deadlines of complaints missed").register(registry));
        }
        events.subscribe(this::stored);
    }

    private void stored(List<? extends EventMessage<?>> batch) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> count(batch));
        } else {
            count(batch);
        }
    }

    private void count(List<? extends EventMessage<?>> batch) {
        for (EventMessage<?> event : batch) {
            Counter counter = null;
            if (event.getPayloadType() == ComplaintReceivedEvent.class) {
                counter = registered.get(((ComplaintReceivedEvent) event.getPayload()).channel());
            } else if (event.getPayloadType() == ComplaintDeadlineMissedEvent.class) {
                counter = missed.get(((ComplaintDeadlineMissedEvent) event.getPayload()).priority());
            }
            if (counter != null) {
                counter.increment();
            }
        }
    }
}
