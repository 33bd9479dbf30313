package com.kefu.dutylog.config;

import com.kefu.platform.axon.RenamedEvents;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The fire checklist's events were internal before they were published (D13): those stored under their old classes
 * are read as the published ones.
 */
@Configuration
public class MovedEvents {

    @Bean
    EventUpcaster fireChecklistPublished() {
        return new RenamedEvents(Map.of(
                "com.kefu.dutylog.event.FireChecklistOpenedEvent", "com.kefu.dutylog.api.FireChecklistOpenedEvent",
                "com.kefu.dutylog.event.FireStepDoneEvent", "com.kefu.dutylog.api.FireStepDoneEvent",
                "com.kefu.dutylog.event.FireStepNotNeededEvent", "com.kefu.dutylog.api.FireStepNotNeededEvent"));
    }
}
