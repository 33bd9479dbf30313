package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class ComplaintTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    @Test
    @DisplayName("C1 intake records the registration form, publishing only the masked contact")
    void registers() {
        var merchant = new Merchant("A-1024", "Чай и кофе");
        fixture.givenNoPriorActivity()
               .when(new RegisterComplaintCommand("c-1", "KF-202611-00001", Channel.PHONE,
                       Category.SERVICE_ATTITUDE, Severity.NORMAL, Priority.NORMAL, "王芳", "13812345678", null,
                       merchant, "态度差", "售货员态度恶劣", "desk", NOW, null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(
                       new ComplaintReceivedEvent("c-1", "KF-202611-00001", Channel.PHONE, Category.SERVICE_ATTITUDE,
                               Severity.NORMAL, Priority.NORMAL, new CustomerReference("王芳", "138****5678", null),
                               merchant, "态度差", "售货员态度恶劣", "desk", NOW, null, "13812345678"))
               .expectState(complaint -> org.assertj.core.api.Assertions.assertThat(complaint.status())
                                                                        .isEqualTo(ComplaintStatus.RECEIVED));
    }
}
