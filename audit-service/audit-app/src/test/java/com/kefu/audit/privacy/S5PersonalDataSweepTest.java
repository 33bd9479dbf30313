package com.kefu.audit.privacy;

import com.kefu.audit.Publisher;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.membership.api.Tier;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.PersonalDataSweepTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.kefu.platform.test.PersonalDataSweep.distinct;
import static com.kefu.platform.test.PersonalDataSweep.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of audit-service: a customer's and a member's name and phone, with distinctive values, published
 * as complaint-service and membership-service publish them (masked), read by every GET endpoint as every role: never
 * in clear, their masked forms in the trail, never on the topics it read them from, and never in the logs (at DEBUG).
 * audit-service has no contact read.
 */
class S5PersonalDataSweepTest extends PersonalDataSweepTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Test
    @DisplayName("S5 PD1 PD2 A2 every GET of audit-service as every role: the names and phones of the trail's events "
            + "only masked, as published; never in a log line")
    void personalDataOnlyMasked() {
        String customer = distinct("欧阳娜娜");
        String customerPhone = newPhone("139");
        String memberName = distinct("Мария Соколова");
        String memberPhone = newPhone("136");
        String complaint = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        // long before any other test's events, so that the first page of the whole trail shows them
        Instant at = Instant.parse("2001-01-01T00:00:00Z").plusSeconds(UUID.randomUUID().hashCode() & 0xffff);
        Publisher.publish(MembershipTopics.EVENTS, member, 0, "aftersales", at,
                new MemberRegisteredEvent(member, "800000000001", memberName, Masking.phone(memberPhone), Tier.GOLD,
                        "aftersales", at));
        Publisher.publish(ComplaintTopics.EVENTS, complaint, 0, "desk", at.plusSeconds(1),
                new ComplaintReceivedEvent(complaint, "KF-200101-00001", Channel.PHONE, Category.SERVICE_ATTITUDE,
                        Severity.NORMAL, Priority.NORMAL,
                        new CustomerReference(customer, Masking.phone(customerPhone), member),
                        new Merchant("A-1024", "Чай и кофе"), "态度", "售货员态度恶劣", "desk", at.plusSeconds(1), null));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!api().get().uri("/api/audit/trail?subject=" + member).header("Authorization", AUDITOR).retrieve()
                .toEntity(String.class).getBody().contains("\"total\":2")) {
            assertThat(System.nanoTime()).as("the trail took both events").isLessThan(deadline);
            pause();
        }

        // the topics the trail was read from hold them masked too
        var sweep = sweep()
                .name(customer).phone(customerPhone)
                .name(memberName).phone(memberPhone)
                .record("Complaint", complaint).record("Member", member)
                .topic(ComplaintTopics.EVENTS, complaint);
        int requests = sweep.assertEverywhere();
        sweep.assertNotOnTopic(MembershipTopics.EVENTS);
        assertThat(requests).isGreaterThan(10);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
