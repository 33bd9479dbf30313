package com.kefu.membership.command;

import com.kefu.membership.api.ServiceRequestCompletedEvent;
import com.kefu.membership.api.ServiceRequestKind;
import com.kefu.membership.api.ServiceRequestRegisteredEvent;
import com.kefu.membership.command.ServiceRequest.CancelServiceRequestCommand;
import com.kefu.membership.command.ServiceRequest.CompleteServiceRequestCommand;
import com.kefu.membership.command.ServiceRequest.RegisterServiceRequestCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;

class ServiceRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private static final ServiceRequestRegisteredEvent STORED = new ServiceRequestRegisteredEvent("r-1", "JC-000007",
            ServiceRequestKind.STORAGE, "m-1", "两个购物袋", "desk", NOW);
    private AggregateTestFixture<ServiceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceRequest.class);
    }

    @Test
    @DisplayName("M5 a service request is registered, then done or cancelled, once; a storage ticket is collected once")
    void lifecycle() {
        fixture.givenNoPriorActivity()
               .when(new RegisterServiceRequestCommand("r-1", "JC-000007", ServiceRequestKind.STORAGE, "m-1",
                       "两个购物袋", "desk", NOW))
               .expectEvents(STORED);
        var collected = new ServiceRequestCompletedEvent("r-1", "JC-000007", "m-1", "本人领取", "desk", NOW);
        fixture.given(STORED)
               .when(new CompleteServiceRequestCommand("r-1", "本人领取", "desk", NOW))
               .expectEvents(collected);
        fixture.given(STORED, collected)
               .when(new CompleteServiceRequestCommand("r-1", "again", "desk", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("storage ticket JC-000007 was already collected"));
        fixture.given(STORED, collected)
               .when(new CancelServiceRequestCommand("r-1", "mistake", "desk", NOW))
               .expectException(RuleViolation.class);
    }
}
