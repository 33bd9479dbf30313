package com.kefu.membership.config;

import com.kefu.platform.axon.RenamedEvents;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** Internal events moved into {@code event/}: those stored under their old classes are read as the moved ones. */
@Configuration
public class MovedEvents {

    @Bean
    EventUpcaster memberContactMoved() {
        return new RenamedEvents(Map.of("com.kefu.membership.command.MemberContactRecordedEvent",
                "com.kefu.membership.event.MemberContactRecordedEvent"));
    }
}
