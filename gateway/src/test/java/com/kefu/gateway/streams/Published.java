package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireChecklistOpenedEvent;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.FireStepDoneEvent;
import com.kefu.dutylog.api.FireStepNotNeededEvent;
import com.kefu.dutylog.api.IncidentKind;
import com.kefu.dutylog.api.IncidentNoticeAcknowledgedEvent;
import com.kefu.dutylog.api.IncidentNoticeSentEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import com.kefu.platform.test.Infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts events on the test's own topics of the real broker as the services' relays do: in the envelope, keyed by the
 * aggregate id, with a sequence per aggregate. The factories below make the events the streams care about.
 */
final class Published {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final String topic;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, byte[]> last = new HashMap<>();

    Published(String topic) {
        this.topic = topic;
    }

    /** Names a topic of this test's own, made with three partitions, so that tests do not see each other's events. */
    static String newTopic(String name) {
        String topic = name + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        return topic;
    }

    String topic() {
        return topic;
    }

    /** Publishes {@code event} of {@code aggregateId} as the next of its events. */
    synchronized void event(String aggregateId, Object event) {
        PublishedEvent contract = event.getClass().getAnnotation(PublishedEvent.class);
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        String department = event instanceof DepartmentScoped scoped ? scoped.department() : null;
        var envelope = new EventEnvelope(UUID.randomUUID(), contract.type(), contract.version(), aggregateId, sequence,
                Instant.now(), "tester", department, JSON.valueToTree(event));
        try {
            byte[] bytes = JSON.writeValueAsBytes(envelope);
            last.put(aggregateId, bytes);
            Topics.publish(topic, aggregateId, bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the aggregate's last event once more, as a relay retrying a batch does. */
    synchronized void again(String aggregateId) {
        Topics.publish(topic, aggregateId, last.get(aggregateId));
    }

    // complaint.events

    static String newComplaintId() {
        return UUID.randomUUID().toString();
    }

    static String numberOf(String complaintId) {
        return "KF-TEST-" + complaintId.substring(0, 8);
    }

    void received(String complaintId) {
        event(complaintId, new ComplaintReceivedEvent(complaintId, numberOf(complaintId), Channel.PHONE,
                Category.FACILITY, Severity.NORMAL, Priority.NORMAL, new CustomerReference("王*", "138****5678", null),
                null, "空调不制冷", "3楼 A-1024", "desk", Instant.now(), null));
    }

    void assigned(String complaintId, String department) {
        event(complaintId, new ComplaintAssignedEvent(complaintId, numberOf(complaintId), department, "请尽快处理",
                Priority.NORMAL, "aftersales", Instant.now()));
    }

    void resolved(String complaintId, String department) {
        event(complaintId, new ComplaintResolvedEvent(complaintId, department, "已修好", department + "-user",
                Instant.now()));
    }

    /** A follow-up that finds the customer unsatisfied, and the reopening it causes (C7). */
    void reopened(String complaintId, String department) {
        event(complaintId, new ComplaintFollowedUpEvent(complaintId, true, 2, "还是不冷", false, "aftersales",
                Instant.now()));
        event(complaintId, new ComplaintReopenedEvent(complaintId, department, "the customer is not satisfied: 还是不冷",
                Instant.now()));
    }

    void followedUp(String complaintId) {
        event(complaintId, new ComplaintFollowedUpEvent(complaintId, true, 5, "好", true, "aftersales", Instant.now()));
    }

    void archived(String complaintId) {
        event(complaintId, new ComplaintArchivedEvent(complaintId, numberOf(complaintId), "aftersales", Instant.now()));
    }

    /** Four fifths of the ASSIGNED stage's time gone (C17): entered an hour before {@code warnedAt}. */
    void deadlineApproaching(String complaintId, String department, Instant warnedAt) {
        Instant entered = warnedAt.minus(java.time.Duration.ofHours(1));
        event(complaintId, new ComplaintDeadlineApproachingEvent(complaintId, numberOf(complaintId), "ASSIGNED",
                Priority.NORMAL, department, entered, entered.plus(java.time.Duration.ofMinutes(75)), warnedAt));
    }

    void deadlineMissed(String complaintId, String department, Instant missedAt) {
        event(complaintId, new ComplaintDeadlineMissedEvent(complaintId, numberOf(complaintId), "ASSIGNED",
                Priority.NORMAL, department, missedAt.minusSeconds(60), missedAt));
    }

    // dutylog.events

    void incidentReported(String incidentId, String shiftId, boolean major) {
        event(incidentId, new IncidentReportedEvent(incidentId, shiftId, major ? EntryCategory.FIRE : EntryCategory.WATER,
                major, "保安 李明", "B1 楼梯口", "仓库冒烟", major ? new FireDetails("B1 仓库", "纸箱", true, true) : null,
                Instant.now(), "desk", Instant.now()));
    }

    /** The checklist of a fire reported with {@link #incidentReported} (D13). */
    void fireChecklistOpened(String incidentId) {
        event(incidentId, new FireChecklistOpenedEvent(incidentId, "B1 出口", Instant.now()));
    }

    void fireStepDone(String incidentId, FireStep step, String by) {
        event(incidentId, new FireStepDoneEvent(incidentId, step, null, by, Instant.now()));
    }

    void fireStepNotNeeded(String incidentId, FireStep step, String reason) {
        event(incidentId, new FireStepNotNeededEvent(incidentId, step, reason, "desk", Instant.now()));
    }

    /** A guest taken ill, reported with its notice to the CS manager and the CS head (D14). */
    void guestTakenIll(String incidentId) {
        Instant now = Instant.now();
        event(incidentId, new IncidentReportedEvent(incidentId, null, EntryCategory.OTHER, false, "保洁 王姐", "2楼",
                "老人晕倒", null, now, "desk", now));
        event(incidentId, new IncidentNoticeSentEvent(incidentId, IncidentKind.GUEST_ILL, EntryCategory.OTHER, "2楼",
                "老人晕倒", "保洁 王姐", now, List.of("CS_MANAGER", "CS_HEAD"), "desk", now));
    }

    void noticeAcknowledged(String incidentId, String role, String by) {
        event(incidentId, new IncidentNoticeAcknowledgedEvent(incidentId, role, by, Instant.now()));
    }

    void incidentResolved(String incidentId) {
        event(incidentId, new IncidentResolvedEvent(incidentId, "已处理", "desk", Instant.now()));
    }

    void shiftOpened(String shiftId, String post) {
        event(shiftId, new ShiftOpenedEvent(shiftId, post, LocalDate.now(), "desk", Instant.now()));
    }

    void handedOver(String shiftId) {
        event(shiftId, new ShiftHandedOverEvent(shiftId, "desk", "aftersales", true, null, null, List.of(), List.of(),
                List.of(), Instant.now()));
    }
}
