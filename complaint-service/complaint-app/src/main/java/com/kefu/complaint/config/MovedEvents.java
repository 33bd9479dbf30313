package com.kefu.complaint.config;

import com.kefu.platform.axon.RenamedEvents;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** Internal events moved into {@code event/}: those stored under their old classes are read as the moved ones. */
@Configuration
public class MovedEvents {

    @Bean
    EventUpcaster customerContactMoved() {
        return new RenamedEvents(Map.of("com.kefu.complaint.command.CustomerContactRecordedEvent",
                "com.kefu.complaint.event.CustomerContactRecordedEvent"));
    }
}
