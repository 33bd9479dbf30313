package com.kefu.gateway.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.accounts.AccountTopics;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.LateEveningClock;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.Topics;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications beyond the console (issue 19 item 4) on a real PostgreSQL, a real Kafka broker and a real SMTP server
 * in the test JVM (GreenMail): an assignment on complaint.events becomes one e-mail to each enabled account of the
 * department that has an address and to its subscription's extra address, bilingual, with the number and the link and
 * no personal data; the same event read twice sends nothing twice; with the mail server down the rows wait pending and
 * are sent once it is back, while events keep being recorded; the subscriptions' API checks its input and its callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(LateEveningClock.class)
class NotificationsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String STRONG = "a long walk by the river";
    private static final String COMPLAINTS = newTopic("complaint.events");
    private static final String DUTYLOG = newTopic("dutylog.events");
    private static final String BROADCAST = newTopic("broadcast.events");
    private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail smtp = started();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getPort());
        registry.add("kefu.notifications.topics", () -> COMPLAINTS + "," + DUTYLOG + "," + BROADCAST);
        registry.add("kefu.notifications.group", () -> "notifications-" + UUID.randomUUID());
        registry.add("kefu.notifications.from", () -> "kefu@mall.example");
        registry.add("kefu.notifications.console-url", () -> "https://kefu.mall.example/console/");
        registry.add("kefu.notifications.send-interval", () -> "200ms");
        registry.add("kefu.notifications.retry-backoff", () -> "1s");
        registry.add("kefu.notifications.max-backoff", () -> "2s");
        // however long the mail server is down in a test, its e-mails are still pending when it is back
        registry.add("kefu.notifications.max-attempts", () -> "1000");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    NotificationConsumer consumer;

    @Autowired
    NotificationSender sender;

    @Autowired
    NotificationLog notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NotificationMeters meters;

    @BeforeEach
    void consumerReads() throws Exception {
        // a new group starts at the topics' end: what is published before it has its partitions is not for it
        await("the notifications' consumer has its partitions", () -> consumer.reading());
        // and has found where they end: an event published before that could be passed over. Probes until one is read
        Api.expect(call(HttpMethod.PUT, token("admin", "demo"), "/api/notifications/subscriptions/department/probe",
                Map.of("browser", List.of("assigned"))), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("select count(*) from notification where recipient = 'department:probe'",
                Long.class) == 0) {
            assertThat(System.nanoTime()).as("a probe read within 60 s").isLessThan(deadline);
            String probe = UUID.randomUUID().toString();
            Topics.publish(COMPLAINTS, probe, envelope(probe, 0, new ComplaintAssignedEvent(probe, "KF-PROBE", "probe",
                    null, Priority.NORMAL, "aftersales", clock.instant())));
            Thread.sleep(500);
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @DisplayName("C5 an assignment on complaint.events: one bilingual e-mail to each enabled account of the department "
            + "with an address and to its extra address, with the number, the due-in-mall-time and the console's link, "
            + "no customer's phone or name; the same event twice sends nothing twice; all recorded, masked")
    void assignmentEmailsTheDepartmentOnce() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = token("admin", "demo");
        Api.expect(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/department/" + department,
                Map.of("email", List.of("assigned"), "browser", List.of("assigned", "deadline-approaching"),
                        "addresses", List.of(department.toUpperCase() + "-Box@Mall.Example"))), 200);
        newUser("DEPARTMENT", department, department + ".first@mall.example");
        newUser("DEPARTMENT", department, department + ".second@mall.example");
        String disabled = newUser("DEPARTMENT", department, department + ".gone@mall.example");
        Api.expect(call(HttpMethod.POST, admin, "/api/users/" + disabled + "/disable", null), 200);
        newUser("DEPARTMENT", department, null);
        newUser("DEPARTMENT", "other-" + department, department + ".other@mall.example");

        String complaintId = UUID.randomUUID().toString();
        String number = "KF-202612-" + complaintId.substring(0, 5);
        byte[] assignment = envelope(complaintId, 0, new ComplaintAssignedEvent(complaintId, number, department,
                "客户王芳 13812345678 说空调不制冷", Priority.URGENT, "aftersales", clock.instant()));
        Topics.publish(COMPLAINTS, complaintId, assignment);
        Topics.publish(COMPLAINTS, complaintId, assignment); // the relay is at least once: the same event again
        Instant due = Instant.parse("2026-12-31T06:30:00Z");
        byte[] warning = envelope(complaintId, 1, new ComplaintDeadlineApproachingEvent(complaintId, number,
                "ASSIGNED", Priority.URGENT, department, clock.instant(), due, clock.instant()));
        Topics.publish(COMPLAINTS, complaintId, warning);
        UUID assignmentId = UUID.fromString(JSON.readTree(assignment).get("id").asText());
        UUID warningId = UUID.fromString(JSON.readTree(warning).get("id").asText());

        // the warning comes after both copies on the complaint's partition: once it is recorded, both were read
        await("the warning recorded", () -> count(warningId) == 1);
        await("three e-mails sent", () -> smtp.getReceivedMessages().length >= 3 && count(assignmentId, "sent") == 4);
        // the copy wrote no second row (the rows' unique key), so no second e-mail
        assertThat(count(assignmentId)).isEqualTo(4);
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            recipients.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
            String text = message.getSubject() + "\n" + decoded(message);
            assertThat(text).contains(number).contains("投诉已分派").contains("Жалоба назначена")
                    .contains("https://kefu.mall.example/console/#/complaints/" + complaintId)
                    .doesNotContain("13812345678").doesNotContain("王芳");
            assertThat(message.getFrom()[0].toString()).isEqualTo("kefu@mall.example");
        }
        assertThat(recipients).containsExactlyInAnyOrder(department + ".first@mall.example",
                department + ".second@mall.example", department + "-box@mall.example");
        // the warning: the browser only, as subscribed; its mail text carries the due time in the mall's zone
        assertThat(jdbc.queryForObject("select body from notification where event_id = ?", String.class, warningId))
                .contains("2026-12-31 14:30 (Asia/Shanghai)");

        JsonNode record = Api.expect(call(HttpMethod.GET, token("auditor", "demo"),
                "/api/notifications?kind=assigned&size=200", null), 200);
        List<JsonNode> ours = new ArrayList<>();
        record.get("items").forEach(item -> {
            if (item.get("eventId").asText().equals(assignmentId.toString())) {
                ours.add(item);
            }
        });
        assertThat(ours).extracting(item -> item.get("channel").asText() + " " + item.get("recipient").asText()
                + " " + item.get("status").asText() + " " + item.get("attempts").asInt()).containsExactlyInAnyOrder(
                "email " + masked(department + ".first") + "@mall.example sent 1",
                "email " + masked(department + ".second") + "@mall.example sent 1",
                "email " + masked(department + "-box") + "@mall.example sent 1",
                "browser department:" + department + " sent 0");
        assertThat(record.toString()).doesNotContain(department + ".first@").doesNotContain(department + "-box@");
    }

    @Test
    @DisplayName("issue 19 the DEPARTMENT role subscribed by e-mail to assignments: an assignment e-mails the users of "
            + "its own department, not every DEPARTMENT user")
    void theDepartmentRoleIsToldOfItsOwnDepartmentsComplaintsOnly() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = token("admin", "demo");
        newUser("DEPARTMENT", department, department + ".own@mall.example");
        newUser("DEPARTMENT", "other-" + department, department + ".other@mall.example");
        Api.expect(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/role/DEPARTMENT",
                Map.of("email", List.of("assigned"))), 200);
        try {
            String complaintId = UUID.randomUUID().toString();
            byte[] assignment = envelope(complaintId, 0, new ComplaintAssignedEvent(complaintId, "KF-202612-00555",
                    department, null, Priority.NORMAL, "aftersales", clock.instant()));
            Topics.publish(COMPLAINTS, complaintId, assignment);
            UUID assignmentId = UUID.fromString(JSON.readTree(assignment).get("id").asText());
            await("the assignment recorded", () -> count(assignmentId) > 0);
            assertThat(jdbc.queryForList("select recipient from notification where event_id = ? and channel = 'email'",
                    String.class, assignmentId)).contains(department + ".own@mall.example")
                    .doesNotContain(department + ".other@mall.example");
            // sent before the next test, which reads every e-mail the server has
            await("its e-mails sent", () -> jdbc.queryForObject("select count(*) from notification where event_id = ? "
                    + "and channel = 'email' and status <> 'sent'", Long.class, assignmentId) == 0);
        } finally {
            Api.expect(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/role/DEPARTMENT", Map.of()), 200);
        }
    }

    @Test
    @DisplayName("with the mail server down an e-mail waits pending, its attempts and error recorded, while events are "
            + "still recorded; once the server is back the next attempt sends it")
    void aMailServerDownLeavesTheEmailPendingUntilItIsBack() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 6);
        Api.expect(call(HttpMethod.PUT, token("admin", "demo"), "/api/notifications/subscriptions/department/"
                + department, Map.of("email", List.of("assigned", "deadline-approaching"))), 200);
        newUser("DEPARTMENT", department, department + "@mall.example");
        smtp.stop();
        try {
            String complaintId = UUID.randomUUID().toString();
            byte[] assignment = envelope(complaintId, 0, new ComplaintAssignedEvent(complaintId, "KF-202612-00777",
                    department, null, Priority.NORMAL, "aftersales", clock.instant()));
            UUID assignmentId = UUID.fromString(JSON.readTree(assignment).get("id").asText());
            Topics.publish(COMPLAINTS, complaintId, assignment);
            await("an attempt failed", () -> jdbc.queryForObject("select count(*) from notification where event_id = ? "
                    + "and status = 'pending' and attempts >= 1 and last_error is not null", Long.class,
                    assignmentId) == 1);
            // nothing waits on the mail server: the next event is recorded all the same
            String other = UUID.randomUUID().toString();
            byte[] warning = envelope(other, 0, new ComplaintDeadlineApproachingEvent(other, "KF-202612-00778",
                    "ASSIGNED", Priority.NORMAL, department, clock.instant(), clock.instant().plusSeconds(600),
                    clock.instant()));
            Topics.publish(COMPLAINTS, other, warning);
            await("the next event recorded", () -> count(UUID.fromString(JSON.readTree(warning).get("id").asText()))
                    == 1);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        } finally {
            smtp = started();
        }
        await("both sent once the server is back", () -> smtp.getReceivedMessages().length == 2);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and status = 'sent'",
                Long.class, department + "@mall.example")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select max(attempts) from notification where recipient = ?", Integer.class,
                department + "@mall.example")).isGreaterThan(1);
    }

    @Test
    @DisplayName("an e-mail that cannot be sent is tried again once its wait, on the injected clock, is over, and is "
            + "failed after its last attempt, counted by kefu_notifications_failed_total")
    void anEmailIsFailedAfterItsLastAttempt() {
        sender.stop(); // this test's own sender, towards a port where no mail server listens, in its place
        try {
            Occurrence occurrence = new Occurrence(UUID.randomUUID(), "ComplaintAssigned", NotificationKind.ASSIGNED,
                    "nowhere", Map.<String, Object>of("number", "KF-202612-00999"), "/complaints/x");
            notifications.add(occurrence, NotificationLog.EMAIL, "nobody@mall.example",
                    new MailText.Text("subject", "body"), NotificationLog.PENDING, clock.instant());
            JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
            nowhere.setHost("127.0.0.1");
            nowhere.setPort(freePort());
            var twoAttempts = new NotificationProperties(true, "kefu@mall.example", null, null, null, null, 20, 2,
                    Duration.ofMinutes(10), Duration.ofMinutes(10));
            var failing = new NotificationSender(notifications, transactions, nowhere, twoAttempts, clock, meters);
            double failedBefore = meters.failed.count();
            String state = "select status || ' ' || attempts from notification where event_id = ?";

            failing.sendDue();
            assertThat(jdbc.queryForObject(state, String.class, occurrence.eventId())).isEqualTo("pending 1");
            failing.sendDue(); // not due again for ten minutes
            assertThat(jdbc.queryForObject(state, String.class, occurrence.eventId())).isEqualTo("pending 1");
            clock.advance(Duration.ofMinutes(11));
            failing.sendDue();
            assertThat(jdbc.queryForObject(state, String.class, occurrence.eventId())).isEqualTo("failed 2");
            assertThat(jdbc.queryForObject("select last_error from notification where event_id = ?", String.class,
                    occurrence.eventId())).isNotBlank();
            assertThat(meters.failed.count()).isEqualTo(failedBefore + 1);
        } finally {
            sender.start();
        }
    }

    @Test
    @DisplayName("subscriptions: the rulebook's defaults; ADMIN sets any, CS_HEAD the departments' only; 400 naming "
            + "audienceType, audience, email, browser, addresses, status, kind, size; 403 for other roles; each user "
            + "reads what applies to them and sets their own address, an AccountEmailSet event with it masked")
    void subscriptionsApi() throws Exception {
        String admin = token("admin", "demo");
        String head = token("head", "demo");
        String desk = token("desk", "demo");
        JsonNode all = Api.expect(call(HttpMethod.GET, admin, "/api/notifications/subscriptions", null), 200);
        Map<String, JsonNode> byAudience = new HashMap<>();
        all.forEach(s -> byAudience.put(s.get("audienceType").asText() + ":" + s.get("audience").asText(), s));
        assertThat(byAudience.get("department:security").get("email").toString())
                .contains("assigned", "deadline-approaching", "deadline-missed", "fire");
        assertThat(byAudience.get("role:SUPERVISOR").get("email").toString())
                .contains("escalated", "deadline-missed", "script-awaiting-approval");
        assertThat(byAudience.get("role:CS_HEAD").get("browser").toString()).contains("fire");

        Api.expect(call(HttpMethod.GET, head, "/api/notifications/subscriptions", null), 200);
        JsonNode put = Api.expect(call(HttpMethod.PUT, head, "/api/notifications/subscriptions/department/leasing",
                Map.of("email", List.of("deadline-missed", "assigned"), "browser", List.of())), 200);
        assertThat(put.get("email").toString()).isEqualTo("[\"assigned\",\"deadline-missed\"]");
        assertThat(put.get("updatedBy").asText()).isEqualTo("head");
        Api.expect(call(HttpMethod.PUT, head, "/api/notifications/subscriptions/role/SUPERVISOR",
                Map.of("email", List.of("fire"))), 403);
        Api.expect(call(HttpMethod.PUT, desk, "/api/notifications/subscriptions/department/leasing",
                Map.of("email", List.of("fire"))), 403);
        Api.expect(call(HttpMethod.GET, desk, "/api/notifications/subscriptions", null), 403);
        Api.expect(call(HttpMethod.GET, desk, "/api/notifications", null), 403);
        Api.expect(call(HttpMethod.GET, token("auditor", "demo"), "/api/notifications", null), 200);

        Map<String, Object> good = Map.of("email", List.of("fire"));
        assertThat(detail(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/team/security", good)))
                .contains("audienceType");
        assertThat(detail(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/department/Security!", good)))
                .contains("audience");
        assertThat(detail(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/role/NOBODY", good)))
                .contains("audience");
        assertThat(detail(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/role/SUPERVISOR",
                Map.of("email", List.of("everything"))))).contains("email");
        assertThat(detail(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/role/SUPERVISOR",
                Map.of("browser", List.of("fires"))))).contains("browser");
        assertThat(detail(call(HttpMethod.PUT, admin, "/api/notifications/subscriptions/role/SUPERVISOR",
                Map.of("addresses", List.of("not an address"))))).contains("addresses");
        assertThat(detail(call(HttpMethod.GET, admin, "/api/notifications?status=done", null))).contains("status");
        assertThat(detail(call(HttpMethod.GET, admin, "/api/notifications?kind=party", null))).contains("kind");
        assertThat(detail(call(HttpMethod.GET, admin, "/api/notifications?size=0", null))).contains("size");

        JsonNode security = Api.expect(call(HttpMethod.GET, token("security", "demo"),
                "/api/notifications/subscriptions/mine", null), 200);
        assertThat(security.get("browser").toString()).contains("assigned", "fire");
        JsonNode supervisor = Api.expect(call(HttpMethod.GET, token("supervisor", "demo"),
                "/api/notifications/subscriptions/mine", null), 200);
        assertThat(supervisor.get("browser").toString()).contains("script-awaiting-approval", "escalated");
        JsonNode nothing = Api.expect(call(HttpMethod.GET, desk, "/api/notifications/subscriptions/mine", null), 200);
        assertThat(nothing.get("browser")).isEmpty();

        String user = newUser("AUDITOR", null, null);
        String token = token(user, STRONG);
        assertThat(detail(call(HttpMethod.PUT, token, "/api/users/me/email", Map.of("email", "wang@"))))
                .contains("email");
        assertThat(detail(call(HttpMethod.POST, admin, "/api/users", Map.of("username", "x" + user,
                "password", STRONG, "role", "AUDITOR", "email", "two@@mall.example")))).contains("email");
        JsonNode me = Api.expect(call(HttpMethod.PUT, token, "/api/users/me/email",
                Map.of("email", "Wang.Fang@Mall.Example")), 200);
        assertThat(me.get("email").asText()).isEqualTo("wang.fang@mall.example");
        assertThat(Api.expect(call(HttpMethod.GET, token, "/api/users/me", null), 200).get("email").asText())
                .isEqualTo("wang.fang@mall.example");
        JsonNode listed = Api.expect(call(HttpMethod.GET, admin, "/api/users", null), 200);
        listed.forEach(account -> {
            if (account.get("username").asText().equals(user)) {
                assertThat(account.get("email").asText()).isEqualTo("w*******g@mall.example");
            }
        });
        List<String> types = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!types.contains("AccountEmailSet") && System.nanoTime() < deadline) {
            types.clear();
            for (ConsumerRecord<String, byte[]> record : Topics.awaitRecords(AccountTopics.EVENTS, user)) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(value).doesNotContain("wang.fang");
                JsonNode envelope = JSON.readTree(value);
                types.add(envelope.get("type").asText());
                if (envelope.get("type").asText().equals("AccountEmailSet")) {
                    assertThat(envelope.get("data").get("maskedEmail").asText()).isEqualTo("w*******g@mall.example");
                    assertThat(envelope.get("actor").asText()).isEqualTo(user);
                }
            }
        }
        assertThat(types).containsExactly("AccountCreated", "AccountEmailSet");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private long count(UUID eventId) {
        return jdbc.queryForObject("select count(*) from notification where event_id = ?", Long.class, eventId);
    }

    private long count(UUID eventId, String status) {
        return jdbc.queryForObject("select count(*) from notification where event_id = ? and status = ?", Long.class,
                eventId, status);
    }

    private static String masked(String local) {
        return local.charAt(0) + "*".repeat(local.length() - 2) + local.charAt(local.length() - 1);
    }

    private static String decoded(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : GreenMailUtil.getBody(message);
    }

    private static byte[] envelope(String aggregateId, long sequence, Object event) throws IOException {
        PublishedEvent contract = event.getClass().getAnnotation(PublishedEvent.class);
        String department = event instanceof DepartmentScoped scoped ? scoped.department() : null;
        return JSON.writeValueAsBytes(new EventEnvelope(UUID.randomUUID(), contract.type(), contract.version(),
                aggregateId, sequence, Instant.parse("2026-12-07T15:00:00Z"), "tester", department,
                JSON.valueToTree(event)));
    }

    /** {@code method path} as the user of {@code token} (none if null), with {@code body} as JSON if not null. */
    private ResponseEntity<JsonNode> call(HttpMethod method, String token, String path, Object body) {
        return Api.call(Api.client(port), method, Api.authorization(token), path, body);
    }

    private String token(String username, String password) {
        return Api.expect(call(HttpMethod.POST, null, "/api/auth/token", Map.of("username", username, "password",
                password)), 200).get("access_token").asText();
    }

    /** A 400's detail, which names the field. */
    private static String detail(ResponseEntity<JsonNode> response) {
        return Api.expect(response, 400).get("detail").asText();
    }

    private String newUser(String role, String department, String email) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", STRONG, "role", role));
        if (department != null) {
            body.put("department", department);
        }
        if (email != null) {
            body.put("email", email);
        }
        Api.expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users", body), 201);
        return username;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String newTopic(String name) {
        String topic = name + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        return topic;
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(SMTP);
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
