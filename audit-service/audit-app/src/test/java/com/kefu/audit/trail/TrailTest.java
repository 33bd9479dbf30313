package com.kefu.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.audit.Publisher;
import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.membership.api.Tier;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.accounts.AccountCreatedEvent;
import com.kefu.platform.contracts.accounts.AccountDisabledEvent;
import com.kefu.platform.contracts.accounts.AccountTopics;
import com.kefu.platform.contracts.audit.ChainHeadRecordedEvent;
import com.kefu.platform.envelope.EnvelopeSerializer;
import com.kefu.platform.messaging.MessagingConfiguration;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A2 the auditors' trail of audit-service, fed by the real topics of the test JVM's broker: events of every service
 * (complaint, dutylog, broadcast, membership and the chain heads), put there as each service's relay puts them, read
 * back through the HTTP API by actor, by subject (a complaint, a shift, a member, a script, a shop number) and by
 * type, in time order, a page at a time; personal data only as published (masked).
 */
class TrailTest extends ServiceTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");

    @Autowired
    MutableClock clock;

    @Value("${kefu.audit.chain-head-topic}")
    String chainHeads;

    @Test
    @DisplayName("A2 one trail of every service's events (and the gateway's account events) by actor, by subject "
            + "(complaint, shift, member, script, shop, account) and by type, in time order, paged; personal data only "
            + "masked")
    void trailAcrossServices() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String desk = "desk-" + run;
        String head = "cshead-" + run;
        String writer = "writer-" + run;
        String complaint = UUID.randomUUID().toString();
        String shift = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String script = UUID.randomUUID().toString();
        String shop = "B-" + ThreadLocalRandom.current().nextInt(1000, 10000) + "-" + run;
        String name = "欧阳娜娜 " + run;
        Instant t0 = clock.instant();

        // published out of their time order: the trail orders them by when they happened
        Publisher.publish(ComplaintTopics.EVENTS, complaint, 1, head, t0.plusSeconds(40),
                new ComplaintAssignedEvent(complaint, "KF-202601-00001", "security", "看一下", Priority.NORMAL, head,
                        t0.plusSeconds(40)));
        Publisher.publish(ComplaintTopics.EVENTS, complaint, 0, desk, t0.plusSeconds(10),
                new ComplaintReceivedEvent(complaint, "KF-202601-00001", Channel.PHONE, Category.SERVICE_ATTITUDE,
                        Severity.NORMAL, Priority.NORMAL, new CustomerReference(name, "138****5678", member),
                        new Merchant(shop, "Чай и кофе"), "态度", "售货员态度恶劣", desk, t0.plusSeconds(10), null));
        Publisher.publish(DutylogTopics.EVENTS, shift, 0, desk, t0.plusSeconds(20),
                new ShiftOpenedEvent(shift, "front-desk", LocalDate.of(2026, 1, 15), desk, t0.plusSeconds(20)));
        Publisher.publish(DutylogTopics.EVENTS, shift, 1, desk, t0.plusSeconds(30),
                new EntryRecordedEvent(shift, UUID.randomUUID().toString(), t0.plusSeconds(25),
                        EntryCategory.COMPLAINT_CALL, "投诉电话", "登记", "转客服", "KF-202601-00001", desk,
                        t0.plusSeconds(30)));
        Publisher.publish(BroadcastTopics.EVENTS, script, 0, writer, t0.plusSeconds(50),
                new ScriptDraftedEvent(script, 1, "寻人", "notices", "请注意", "Внимание", writer, t0.plusSeconds(50)));
        Publisher.publish(MembershipTopics.EVENTS, member, 0, desk, t0.plusSeconds(5),
                new MemberRegisteredEvent(member, "800000000001", name, "138****5678", Tier.GOLD, desk,
                        t0.plusSeconds(5)));
        String chainHead = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        Publisher.publish(chainHeads, "complaint", 7, "system:chain-head", t0.plusSeconds(60),
                new ChainHeadRecordedEvent("complaint", 7, chainHead, 7, t0.plusSeconds(60)));
        // the gateway's account events, as its outbox publishes them: keyed by the user name
        String clerk = "clerk-" + run;
        String admin = "admin-" + run;
        Publisher.publish(AccountTopics.EVENTS, clerk, 1, admin, t0.plusSeconds(70),
                new AccountCreatedEvent(clerk, "FRONT_DESK", null));
        Publisher.publish(AccountTopics.EVENTS, clerk, 2, admin, t0.plusSeconds(80), new AccountDisabledEvent(clerk));

        // by actor: everything the desk user did, across three services, in time order
        assertThat(types(await("actor=" + desk, 4))).containsExactly("MemberRegistered", "ComplaintReceived",
                "ShiftOpened", "EntryRecorded");
        // by subject: the complaint, the shift, the member (registered, and named by the complaint), the script, the shop
        assertThat(types(await("subject=" + complaint, 2))).containsExactly("ComplaintReceived", "ComplaintAssigned");
        assertThat(types(await("subject=" + shift, 2))).containsExactly("ShiftOpened", "EntryRecorded");
        assertThat(types(await("subject=" + member, 2))).containsExactly("MemberRegistered", "ComplaintReceived");
        assertThat(types(await("subject=" + script, 1))).containsExactly("ScriptDrafted");
        assertThat(types(await("subject=" + clerk, 2))).containsExactly("AccountCreated", "AccountDisabled");
        assertThat(await("actor=" + admin, 2).path("items").get(0).path("topic").asText())
                .isEqualTo(AccountTopics.EVENTS);
        JsonNode byShop = await("subject=" + shop, 1);
        assertThat(types(byShop)).containsExactly("ComplaintReceived");
        JsonNode received = byShop.path("items").get(0);
        assertThat(received.path("topic").asText()).isEqualTo(ComplaintTopics.EVENTS);
        assertThat(received.path("actor").asText()).isEqualTo(desk);
        assertThat(received.path("aggregateId").asText()).isEqualTo(complaint);
        assertThat(received.path("occurredAt").asText()).isEqualTo(t0.plusSeconds(10).toString());
        assertThat(received.path("data").path("merchant").path("shopNo").asText()).isEqualTo(shop);
        // personal data as it was published: masked, never in clear
        assertThat(received.path("data").path("customer").path("name").asText()).isNotEqualTo(name).isNotBlank();
        assertThat(await("actor=" + desk, 4).toString()).doesNotContain(name).doesNotContain("13812345678");
        // by type, with the actor and the time window; the chain heads are in the trail too
        assertThat(types(await("type=ScriptDrafted&actor=" + writer, 1))).containsExactly("ScriptDrafted");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get(AUDITOR, "type=ChainHeadRecorded&subject=complaint&size=500").toString().contains(chainHead)) {
            assertThat(System.nanoTime()).as("the chain head in the trail").isLessThan(deadline);
            pause();
        }
        assertThat(types(get(AUDITOR, "actor=" + desk + "&from=" + t0.plusSeconds(20) + "&to="
                + t0.plusSeconds(30)))).containsExactly("ShiftOpened");
        // a page at a time
        JsonNode second = get(ADMIN, "actor=" + desk + "&page=1&size=3");
        assertThat(second.path("total").asLong()).isEqualTo(4);
        assertThat(types(second)).containsExactly("EntryRecorded");
    }

    @Test
    @DisplayName("A2 the trail takes the topic's records a poll at a time: each event once however often it comes, a "
            + "record that is not an envelope to the dead-letter topic, the records after it in the trail")
    void batchesOfRecords() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String actor = "head-" + run;
        String complaint = UUID.randomUUID().toString();
        Instant t0 = clock.instant();
        List<EventEnvelope> published = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i == 40) {
                Topics.publish(ComplaintTopics.EVENTS, complaint, ("not an envelope " + run).getBytes(UTF_8));
            }
            published.add(Publisher.publish(ComplaintTopics.EVENTS, complaint, i + 1, actor, t0.plusSeconds(i),
                    new ComplaintAssignedEvent(complaint, "KF-202601-00002", "security", "第" + i + "次",
                            Priority.NORMAL, actor, t0.plusSeconds(i))));
            if (i % 10 == 3) { // delivered again at once, as a relay retrying its batch would
                Topics.publish(ComplaintTopics.EVENTS, complaint,
                        new EnvelopeSerializer().serialize(ComplaintTopics.EVENTS, published.get(i)));
            }
        }

        ConsumerRecord<String, byte[]> dead = Topics.awaitRecord(
                ComplaintTopics.EVENTS + MessagingConfiguration.DEAD_LETTER_SUFFIX, complaint);
        assertThat(new String(dead.value(), UTF_8)).isEqualTo("not an envelope " + run);
        JsonNode trail = await("actor=" + actor + "&size=500", 60);
        assertThat(StreamSupport.stream(trail.path("items").spliterator(), false)
                .map(item -> item.path("id").asText()).toList())
                .containsExactlyElementsOf(published.stream().map(event -> event.id().toString()).toList());
    }

    @Test
    @DisplayName("A2 S4 a bad parameter of the trail is 400 problem+json naming it; only AUDITOR and ADMIN read it")
    void badParametersAndRoles() {
        assertProblem("from=yesterday", "from");
        assertProblem("to=2026-13-01T00:00:00Z", "to");
        assertProblem("from=2026-01-15T10:00:00Z&to=2026-01-15T09:00:00Z", "to");
        assertProblem("size=0", "size");
        assertProblem("size=501", "size");
        assertProblem("page=-1", "page");
        assertProblem("actor=", "actor");
        for (String role : List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "SUPERVISOR", "BROADCASTER")) {
            assertThat(api().get().uri("/api/audit/trail").header("Authorization", Tokens.bearer("u", role))
                    .retrieve().toEntity(String.class).getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(api().get().uri("/api/audit/trail").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(api().get().uri("/api/audit/audit/verify").header("Authorization", AUDITOR).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("no event store to verify").isEqualTo(404);
    }

    private void assertProblem(String query, String parameter) {
        var answer = api().get().uri("/api/audit/trail?" + query).header("Authorization", AUDITOR).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody().path("detail").asText()).as(query).contains(parameter);
    }

    private JsonNode await(String query, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode page = get(AUDITOR, query);
        while (page.path("total").asLong() < count && System.nanoTime() < deadline) {
            pause();
            page = get(AUDITOR, query);
        }
        assertThat(page.path("total").asLong()).as(query).isEqualTo(count);
        return page;
    }

    private JsonNode get(String token, String query) {
        var answer = api().get().uri("/api/audit/trail?" + query).header("Authorization", token).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(query + " " + answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        StreamSupport.stream(page.path("items").spliterator(), false)
                .forEach(item -> types.add(item.path("type").asText()));
        return types;
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
