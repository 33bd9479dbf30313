package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What each record of complaint.events tells which department, read live or again later (a catch-up). */
class ComplaintDepartmentsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final String COMPLAINT = "c-1";

    private final ComplaintDepartments departments = new ComplaintDepartments();

    @Test
    @DisplayName("C5 C7 assigned, reassigned away, reopened: the same notices live and when read again after later records")
    void sameAnswerLiveAndLater() {
        EventEnvelope toSecurity = envelope(0, assigned("security"));
        EventEnvelope toEngineering = envelope(1, assigned("engineering"));
        EventEnvelope reopened = envelope(2, new ComplaintReopenedEvent(COMPLAINT, "engineering", "not satisfied",
                Instant.now()));

        departments.learn(0, 10, toSecurity);
        var first = departments.notices(0, 10, toSecurity);
        departments.learn(0, 11, toEngineering);
        var second = departments.notices(0, 11, toEngineering);
        departments.learn(0, 12, reopened);

        assertThat(first).extracting(DepartmentNotice::department, DepartmentNotice::event)
                .containsExactly(tuple("security", ComplaintDepartments.ASSIGNED));
        assertThat(second).extracting(DepartmentNotice::department, DepartmentNotice::event)
                .containsExactly(tuple("engineering", ComplaintDepartments.ASSIGNED),
                        tuple("security", ComplaintDepartments.REASSIGNED));
        assertThat(second.get(1).data()).containsEntry("reassignedTo", "engineering");
        assertThat(departments.notices(0, 12, reopened)).extracting(DepartmentNotice::department, DepartmentNotice::event)
                .containsExactly(tuple("engineering", ComplaintDepartments.REOPENED));

        // a client catching up reads the first two records again, after the third was learnt
        assertThat(departments.notices(0, 10, toSecurity)).isEqualTo(first);
        assertThat(departments.notices(0, 11, toEngineering)).isEqualTo(second);
    }

    @Test
    @DisplayName("C5 an assignment the relay published twice is told once")
    void republishedOnce() {
        EventEnvelope assigned = envelope(0, assigned("security"));
        departments.learn(1, 5, assigned);
        departments.learn(1, 6, assigned);

        assertThat(departments.notices(1, 5, assigned)).hasSize(1);
        assertThat(departments.notices(1, 6, assigned)).isEmpty();
    }

    private static ComplaintAssignedEvent assigned(String department) {
        return new ComplaintAssignedEvent(COMPLAINT, "KF-202611-00001", department, null, Priority.NORMAL, "head",
                Instant.now());
    }

    private static EventEnvelope envelope(long sequence, Object event) {
        PublishedEvent contract = event.getClass().getAnnotation(PublishedEvent.class);
        return new EventEnvelope(UUID.randomUUID(), contract.type(), contract.version(), COMPLAINT, sequence,
                Instant.now(), "tester", null, JSON.valueToTree(event));
    }

    @Test
    @DisplayName("the id of a stream event reads back as the positions it was written from")
    void positionsRoundTrip() {
        Positions positions = Positions.parse("0:12,1:5,2:7");
        assertThat(positions.encode()).isEqualTo("0:12,1:5,2:7");
        assertThat(positions.max(Positions.parse("1:9,3:1")).encode()).isEqualTo("0:12,1:9,2:7,3:1");
        assertThat(positions.of(4)).isZero();
        for (String foreign : List.of("", "abc", "0:-1", "0:1;1:2", "0:99999999999999999999")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Positions.parse(foreign)))
                    .as(foreign).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
