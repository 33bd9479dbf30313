package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first flow end to end, on the processes deploy/local/up.sh starts (real PostgreSQL, a real Kafka broker,
 * the services' jars): a complaint registered by phone at the gateway reaches the duty log through Kafka.
 * The system is the one {@link RunningSystem} shares with the console's browser tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstFlowTest {

    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static LocalSystem system;
    private static Gateway desk;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.local();
        desk = Gateway.signIn(system.gatewayUrl(), "desk");
    }

    @Test
    @Order(1)
    @DisplayName("D11 a complaint registered by phone at the gateway is readable and enters the open shift's log")
    void complaintReachesTheDutyLog() {
        var shift = desk.post("/api/shifts", Map.of("post", "front-desk"));
        assertThat(shift.status()).as(String.valueOf(shift.body())).isEqualTo(201);

        var complaint = desk.post("/api/complaints", phoneComplaint("空调不制冷 / не работает кондиционер"));
        assertThat(complaint.status()).as(String.valueOf(complaint.body())).isEqualTo(201);
        String id = complaint.body().get("id").asText();
        String number = complaint.body().get("number").asText();
        assertThat(number).matches("KF-\\d{6}-\\d{5}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(desk.get("/api/complaints/" + id).status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(complaintCallsInCurrentShift()).containsOnlyOnce(number));
    }

    @Test
    @Order(2)
    @DisplayName("with the broker down, complaints are still registered; once it is back each reaches the log once")
    void nothingIsLostWhileTheBrokerIsDown() {
        system.stopKafka();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var complaint = desk.post("/api/complaints", phoneComplaint("broker down #" + i));
            assertThat(complaint.status()).as(String.valueOf(complaint.body())).isEqualTo(201);
            numbers.add(complaint.body().get("number").asText());
        }
        ManagedProcess.sleep(3_000); // the relay has tried and failed by now
        system.startKafka();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(complaintCallsInCurrentShift()).containsAll(numbers));
        List<String> calls = complaintCallsInCurrentShift();
        Map<String, Integer> counts = new HashMap<>();
        calls.forEach(number -> counts.merge(number, 1, Integer::sum));
        numbers.forEach(number -> assertThat(counts.get(number)).as(number).isEqualTo(1));
    }

    @Test
    @Order(3)
    @DisplayName("C3 C4 C8 C13 M4 A2 a MAJOR and a VIP complaint go through every state via the gateway; history and "
            + "form; the member's trail across services")
    void majorAndVipComplaintsThroughEveryState() {
        Gateway aftersales = Gateway.signIn(system.gatewayUrl(), "aftersales");
        Gateway head = Gateway.signIn(system.gatewayUrl(), "head");
        Gateway security = Gateway.signIn(system.gatewayUrl(), "security");
        Gateway auditor = Gateway.signIn(system.gatewayUrl(), "auditor");

        var member = aftersales.post("/api/members", Map.of("name", "Анна Смирнова", "phone", "+79145550101",
                "tier", "GOLD"));
        assertThat(member.status()).as(String.valueOf(member.body())).isEqualTo(201);
        String memberId = member.body().get("id").asText();
        Map<String, Object> vip = new HashMap<>(phoneComplaint("VIP: 寄存物品丢失"));
        vip.put("customer", Map.of("name", "Анна Смирнова", "phone", "+79145550101", "memberId", memberId));
        // a GOLD member's complaint is NORMAL; the member becomes VIP at membership-service, and complaint-service
        // learns it from membership.events alone: from then on their complaints are URGENT
        assertThat(desk.post("/api/complaints", vip).body().get("priority").asText()).isEqualTo("NORMAL");
        assertThat(head.post("/api/members/" + memberId + "/tier", Map.of("tier", "VIP")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(desk.post("/api/complaints", vip).body().get("priority").asText()).isEqualTo("URGENT"));

        Map<String, Object> major = new HashMap<>(phoneComplaint("电梯困人 / застряли в лифте"));
        major.put("severity", "MAJOR");
        for (Map<String, Object> body : List.of(major, vip)) {
            var created = desk.post("/api/complaints", body);
            String c = "/api/complaints/" + created.body().get("id").asText();
            if ("MAJOR".equals(body.get("severity"))) {
                assertThat(head.post(c + "/assign", Map.of("department", "security")).status()).isEqualTo(409);
                assertThat(aftersales.post(c + "/escalate", Map.of("reason", "困人")).status()).isEqualTo(200);
            }
            step(head.post(c + "/assign", Map.of("department", "security")), "ASSIGNED");
            step(security.post(c + "/acknowledge", Map.of("note", "收到")), "ASSIGNED");
            step(security.post(c + "/resolve", Map.of("result", "已处理 / решено")), "RESOLVED");
            if (!"MAJOR".equals(body.get("severity"))) {
                assertThat(aftersales.post(c + "/archive", Map.of()).status()).as("VIP before satisfaction")
                        .isEqualTo(409);
            }
            step(aftersales.post(c + "/follow-up", Map.of("reached", true, "satisfaction", 5)), "FOLLOWED_UP");
            step(aftersales.post(c + "/archive", Map.of()), "ARCHIVED");

            var history = auditor.get(c + "/history");
            assertThat(history.status()).isEqualTo(200);
            List<String> types = new ArrayList<>();
            history.body().forEach(entry -> types.add(entry.get("type").asText()));
            assertThat(types).startsWith("ComplaintReceived").endsWith("ComplaintArchived")
                    .contains("ComplaintAssigned", "ComplaintResolved", "ComplaintFollowedUp");
            var form = auditor.get(c + "/form");
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.body().get("filed").asBoolean()).isTrue();
            assertThat(form.body().get("number").asText()).isEqualTo(created.body().get("number").asText());
        }
        // A2 the auditors' trail through the gateway: the member's events and the complaints naming the member, from
        // two services' topics, in time order, the member's name masked as published
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var trail = auditor.get("/api/audit/trail?subject=" + memberId + "&size=500");
            assertThat(trail.status()).isEqualTo(200);
            List<String> types = new ArrayList<>();
            trail.body().path("items").forEach(item -> types.add(item.get("type").asText()));
            assertThat(types).startsWith("MemberRegistered").contains("MemberTierChanged", "ComplaintReceived");
            assertThat(trail.body().toString()).doesNotContain("Анна Смирнова").doesNotContain("+79145550101");
        });
        assertThat(desk.get("/api/audit/trail?subject=" + memberId).status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    @DisplayName("D4 D5 D6 D7 D10 D12 D13 D15 B7 via the gateway: a fire with a photo airs the evacuation and stops the "
            + "handover until its checklist is done and it is resolved; the handover is proposed by the desk, refused "
            + "by the incoming person naming why, proposed again and accepted under the incoming person's own sign-in, "
            + "which opens their page; the signed day takes a late entry and a fire into its addendum, the fire's "
            + "evacuation airs and the signed day still verifies")
    void dutyLogThroughTheGateway() {
        Gateway night = Gateway.signIn(system.gatewayUrl(), "aftersales");
        Gateway manager = Gateway.signIn(system.gatewayUrl(), "manager");
        var shift = desk.post("/api/shifts", Map.of("post", "security-control"));
        assertThat(shift.status()).as(String.valueOf(shift.body())).isEqualTo(201);
        String s = "/api/shifts/" + shift.body().get("id").asText();
        String fiveMinutesAgo = earlierToday(Duration.ofMinutes(5)).toString();
        assertThat(desk.post(s + "/entries", Map.of("occurredAt", fiveMinutesAgo, "category", "WATER",
                "description", "3楼漏水", "handling", "关阀门", "outcome", "等工程部")).status()).isEqualTo(201);

        LocalDate reportedOn = LocalDate.now(MALL); // the evacuation airs on this day or, past midnight, the next
        var fire = desk.post("/api/incidents", Map.of("shiftId", shift.body().get("id").asText(), "category", "FIRE",
                "location", "B1 楼梯口", "reporter", "保安 李明", "description", "仓库冒烟 / дым на складе",
                "major", true, "fire", Map.of("fireLocation", "B1 仓库", "burning", "纸箱", "flame", true,
                        "smoke", true, "heading", "去一楼大堂接应消防")));
        assertThat(fire.status()).as(String.valueOf(fire.body())).isEqualTo(201);
        String incidentId = fire.body().get("id").asText();
        String i = "/api/incidents/" + incidentId;
        // dutylog publishes the fire; broadcast-service airs the evacuation in both languages, once (B7)
        evacuationAired(incidentId, reportedOn);
        // a photo of a few MB passes the gateway; one of 50 MB is refused there or at the service, with 413
        byte[] photo = new byte[4 * 1024 * 1024];
        System.arraycopy(PNG, 0, photo, 0, PNG.length);
        var uploaded = desk.upload(i + "/photos", "现场.png", "image/png", photo);
        assertThat(uploaded.status()).as(String.valueOf(uploaded.body())).isEqualTo(201);
        var huge = desk.upload(i + "/photos", "huge.png", "image/png", new byte[50 * 1024 * 1024]);
        assertThat(huge.status()).as(String.valueOf(huge.body())).isEqualTo(413);

        Map<String, Object> handover = new HashMap<>();
        handover.put("incoming", "aftersales");
        handover.put("incomingFit", true);
        handover.put("preparation", Map.of("recordsRead", true, "itemsCounted", true, "equipmentChecked", true));
        handover.put("items", List.of(Map.of("name", "对讲机", "quantity", 3, "checked", true)));
        handover.put("openMatters", List.of(Map.of("subject", "3楼漏水", "cause", "水管老化", "course", "已关阀门",
                "result", "等工程部")));
        handover.put("instructions", List.of(Map.of("from", "主管 张", "text", "明早检查消防通道")));
        var refused = desk.post(s + "/handover", handover);
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(409);
        assertThat(refused.body().get("reasons").toString()).containsIgnoringCase("fire");

        // D13 not resolved while a step of the fire's checklist is open; each done, or not needed with a reason
        var early = desk.post(i + "/resolve", Map.of("outcome", "已扑灭, 无人受伤"));
        assertThat(early.status()).as(String.valueOf(early.body())).isEqualTo(409);
        assertThat(early.body().path("type").asText()).endsWith("fire-checklist-open");
        for (String step : List.of("SENIOR_ON_DUTY_TOLD", "SECURITY_CONTROL_ROOM_TOLD", "FIRE_BRIGADE_CALLED",
                "EXTINGUISHER_USED")) {
            var done = desk.post(i + "/fire-steps/" + step, Map.of("note", "保安 李明"));
            assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        }
        var notNeeded = desk.post(i + "/fire-steps/EVACUATION_GUIDED/not-needed",
                Map.of("reason", "火已扑灭,管理中心未下令疏散"));
        assertThat(notNeeded.status()).as(String.valueOf(notNeeded.body())).isEqualTo(200);
        assertThat(notNeeded.body().path("fireChecklist").path("heading").asText()).isEqualTo("去一楼大堂接应消防");
        assertThat(notNeeded.body().path("fireChecklist").path("open")).isEmpty();
        assertThat(desk.post(i + "/resolve", Map.of("outcome", "已扑灭, 无人受伤")).status()).isEqualTo(200);
        // D15 signed by both: proposed by the desk, the shift stays open until the incoming person accepts it
        var proposed = desk.post(s + "/handover", handover);
        assertThat(proposed.status()).as(String.valueOf(proposed.body())).isEqualTo(200);
        assertThat(proposed.body().path("open").asBoolean()).isTrue();
        var notYours = manager.post(s + "/handover/acceptance", Map.of());
        assertThat(notYours.status()).as(String.valueOf(notYours.body())).isEqualTo(409);
        assertThat(notYours.body().path("type").asText()).endsWith("handover-not-yours");
        var refusal = night.post(s + "/handover/refusal", Map.of("reason", "对讲机少一台 / не хватает рации"));
        assertThat(refusal.status()).as(String.valueOf(refusal.body())).isEqualTo(200);
        assertThat(refusal.body().path("open").asBoolean()).isTrue();
        assertThat(refusal.body().path("handoverRefusals").path(0).path("declinedBy").asText()).isEqualTo("aftersales");
        assertThat(refusal.body().path("handoverRefusals").path(0).path("reason").asText())
                .isEqualTo("对讲机少一台 / не хватает рации");
        assertThat(desk.post(s + "/handover", handover).status()).isEqualTo(200);
        var accepted = night.post(s + "/handover/acceptance", Map.of());
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(201);
        assertThat(accepted.body().path("handedOver").path("open").asBoolean()).isFalse();
        assertThat(accepted.body().path("handedOver").path("handoverAcceptance").path("acceptedBy").asText())
                .isEqualTo("aftersales");
        var next = night.get("/api/shifts/" + accepted.body().path("next").path("id").asText());
        assertThat(next.status()).as(String.valueOf(next.body())).isEqualTo(200);
        assertThat(next.body().path("openedBy").asText()).isEqualTo("aftersales");
        assertThat(next.body().path("post").asText()).isEqualTo("security-control");
        // an entry goes into the duty day it occurred on: the day signed is the late entry's
        Instant lateAt = earlierToday(Duration.ofMinutes(1));
        LocalDate lateDay = LocalDate.ofInstant(lateAt, MALL);
        var signed = manager.post("/api/duty-days/" + lateDay + "/signature", null);
        assertThat(signed.status()).as(String.valueOf(signed.body())).isEqualTo(200);
        var late = night.post("/api/shifts/" + next.body().get("id").asText() + "/entries", Map.of(
                "occurredAt", lateAt.toString(), "category", "OTHER", "description", "late"));
        // D12 not refused: it enters the signed day's addendum
        assertThat(late.status()).as(String.valueOf(late.body())).isEqualTo(201);
        assertThat(late.body().get("addendum").asInt()).isEqualTo(1);

        // D12 B7 a fire on the signed day is not refused either: recorded into the addendum, its evacuation airs, the
        // signed day still verifies
        LocalDate secondReportedOn = LocalDate.now(MALL);
        var lateFire = night.post("/api/incidents", Map.of("category", "FIRE", "occurredAt", lateAt.toString(),
                "location", "5楼 餐厅后厨", "reporter", "保安 王强", "description", "油锅起火 / горит масло",
                "major", true, "fire", Map.of("fireLocation", "5楼 后厨", "burning", "食用油", "flame", true,
                        "smoke", true)));
        assertThat(lateFire.status()).as(String.valueOf(lateFire.body())).isEqualTo(201);
        assertThat(lateFire.body().get("addendum").asInt()).isEqualTo(1);
        String lateIncident = "/api/incidents/" + lateFire.body().get("id").asText();
        evacuationAired(lateFire.body().get("id").asText(), secondReportedOn);
        var day = manager.get("/api/duty-days/" + lateDay);
        assertThat(day.status()).as(String.valueOf(day.body())).isEqualTo(200);
        assertThat(day.body().path("intact").asBoolean()).isTrue();
        assertThat(day.body().path("addenda").path(0).path("entries").toString()).contains("油锅起火");
        // put out, so that the fire does not hold up the handovers of the tests after this one
        for (String step : List.of("SENIOR_ON_DUTY_TOLD", "SECURITY_CONTROL_ROOM_TOLD", "FIRE_BRIGADE_CALLED",
                "EXTINGUISHER_USED", "EVACUATION_GUIDED")) {
            var done = night.post(lateIncident + "/fire-steps/" + step, Map.of("note", "保安 王强"));
            assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        }
        var lateFirePhoto = night.upload(lateIncident + "/photos", "后厨.png", "image/png", PNG);
        assertThat(lateFirePhoto.status()).as(String.valueOf(lateFirePhoto.body())).isEqualTo(201);
        var resolved = night.post(lateIncident + "/resolve", Map.of("outcome", "已扑灭 / потушено"));
        assertThat(resolved.status()).as(String.valueOf(resolved.body())).isEqualTo(200);
    }

    /** Broadcast-service aired the fire's evacuation in both languages, once (B7), on its day or, past midnight, the next. */
    private static void evacuationAired(String incidentId, LocalDate reportedOn) {
        Gateway broadcaster = Gateway.signIn(system.gatewayUrl(), "broadcaster");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> emergencies = new ArrayList<>();
            for (LocalDate day = reportedOn; !day.isAfter(LocalDate.now(MALL)); day = day.plusDays(1)) {
                var airings = broadcaster.get("/api/airings?date=" + day);
                assertThat(airings.status()).as(String.valueOf(airings.body())).isEqualTo(200);
                airings.body().forEach(airing -> {
                    if (airing.path("emergency").asBoolean() && incidentId.equals(airing.path("incidentId").asText())) {
                        emergencies.add(airing.path("language").asText().toLowerCase());
                    }
                });
            }
            assertThat(emergencies).containsExactlyInAnyOrder("zh", "ru");
        });
    }

    @Test
    @Order(5)
    @DisplayName("C5 S4 a department's stream receives an assignment within a second of the command")
    void departmentStreamReceivesAssignment() {
        Gateway aftersales = Gateway.signIn(system.gatewayUrl(), "aftersales");
        Gateway security = Gateway.signIn(system.gatewayUrl(), "security");
        try (Gateway.EventStream others = security.stream("/api/streams/departments/engineering")) {
            assertThat(others.status()).as("another department's stream").isEqualTo(403);
        }
        var created = desk.post("/api/complaints", phoneComplaint("门禁失灵 / не работает турникет"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();

        try (Gateway.EventStream stream = security.stream("/api/streams/departments/security")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(10)).name()).isEqualTo("subscribed");

            long start = System.nanoTime();
            var assigned = aftersales.post("/api/complaints/" + id + "/assign",
                    Map.of("department", "security", "instructions", "请到3楼检查"));
            assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
            Gateway.Event event;
            do {
                event = stream.next(Duration.ofSeconds(5));
            } while (!("complaint-assigned".equals(event.name()) && id.equals(event.data().get("complaintId").asText())));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("assignment on the department's stream " + millis + " ms after the command");
            assertThat(event.data().get("number").asText()).isEqualTo(created.body().get("number").asText());
            assertThat(event.data().get("department").asText()).isEqualTo("security");
            assertThat(event.id()).as("the event's id, for Last-Event-ID").isNotBlank();
        }
    }

    @Test
    @Order(6)
    @DisplayName("D14 via the gateway: a guest taken ill reaches the CS manager's and the CS head's notice stream at "
            + "once; each acknowledges it and the incident shows who was told and when")
    void guestTakenIllIsToldAtOnce() {
        Gateway manager = Gateway.signIn(system.gatewayUrl(), "manager");
        Gateway head = Gateway.signIn(system.gatewayUrl(), "head");
        try (Gateway.EventStream others = desk.stream("/api/streams/notices")) {
            assertThat(others.status()).as("the desk does not watch the managers' notices").isEqualTo(403);
        }
        try (Gateway.EventStream managers = manager.stream("/api/streams/notices");
             Gateway.EventStream heads = head.stream("/api/streams/notices")) {
            assertThat(managers.status()).isEqualTo(200);
            assertThat(managers.next(Duration.ofSeconds(10)).name()).isEqualTo("snapshot");
            assertThat(heads.next(Duration.ofSeconds(10)).name()).isEqualTo("snapshot");

            long start = System.nanoTime();
            var reported = desk.post("/api/incidents", Map.of("kind", "GUEST_ILL", "location", "2楼 扶梯口",
                    "reporter", "保洁 王姐", "description", "一位老人晕倒 / пожилой гость потерял сознание"));
            assertThat(reported.status()).as(String.valueOf(reported.body())).isEqualTo(201);
            String id = reported.body().path("id").asText();
            JsonNode notice = awaitNotice(managers, id);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("a guest taken ill on the CS manager's stream " + millis + " ms after the report");
            assertThat(notice.path("kind").asText()).isEqualTo("GUEST_ILL");
            assertThat(notice.path("location").asText()).isEqualTo("2楼 扶梯口");
            assertThat(awaitNotice(heads, id).path("reporter").asText()).isEqualTo("保洁 王姐");

            var told = manager.post("/api/incidents/" + id + "/notice/acknowledgement", null);
            assertThat(told.status()).as(String.valueOf(told.body())).isEqualTo(200);
            assertThat(told.body().path("notice").path("told").path(0).path("by").asText()).isEqualTo("manager");
            assertThat(told.body().path("notice").path("waiting").toString()).isEqualTo("[\"CS_HEAD\"]");
            var headTold = head.post("/api/incidents/" + id + "/notice/acknowledgement", null);
            assertThat(headTold.status()).as(String.valueOf(headTold.body())).isEqualTo(200);
            JsonNode incident = desk.get("/api/incidents/" + id).body();
            assertThat(incident.path("notice").path("waiting")).isEmpty();
            assertThat(incident.path("notice").path("told").path(1).path("by").asText()).isEqualTo("head");
            assertThat(incident.path("notice").path("told").path(1).path("at").asText()).isNotBlank();
            // an open incident holds up every handover of the building (D7): it is resolved
            assertThat(desk.post("/api/incidents/" + id + "/resolve", Map.of("outcome", "120 已送医")).status())
                    .isEqualTo(200);
        }
    }

    /** The notice of {@code incidentId} as the stream delivers it, waiting for the update that carries it. */
    private static JsonNode awaitNotice(Gateway.EventStream stream, String incidentId) {
        while (true) {
            Gateway.Event event = stream.next(Duration.ofSeconds(10));
            for (JsonNode notice : event.data().path("notices")) {
                if (incidentId.equals(notice.path("incidentId").asText())) {
                    return notice;
                }
            }
        }
    }

    /** A 1×1 PNG: its first bytes are what the service checks. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** {@code ago} before now, but not before today began in the mall: a moment of today's duty day, even at 00:01. */
    private static Instant earlierToday(Duration ago) {
        Instant now = Instant.now();
        Instant midnight = LocalDate.ofInstant(now, MALL).atStartOfDay(MALL).toInstant();
        Instant at = now.minus(ago);
        return at.isBefore(midnight) ? midnight : at;
    }

    private static void step(Gateway.Response response, String status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        assertThat(response.body().get("status").asText()).isEqualTo(status);
    }

    private static List<String> complaintCallsInCurrentShift() {
        var current = desk.get("/api/shifts/current");
        List<String> references = new ArrayList<>();
        if (current.status() == 200) {
            current.body().get("entries").forEach(entry -> {
                if ("COMPLAINT_CALL".equals(entry.get("category").asText())) {
                    references.add(entry.get("reference").asText());
                }
            });
        }
        return references;
    }

    private static Map<String, Object> phoneComplaint(String subject) {
        return Map.of("channel", "PHONE", "category", "FACILITY", "severity", "NORMAL",
                "customer", Map.of("name", "Иван Петров", "phone", "+79141234567"),
                "subject", subject, "description", "3楼 A-1024");
    }
}
