package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.Shifts;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.dutylog.command.LostAndFound;
import com.kefu.dutylog.command.ShiftDesk;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The duty log over HTTP against real PostgreSQL and Kafka, with a clock the test moves: each test starts on a
 * day of its own, and leaves no incident unresolved (a handover anywhere would wait for it).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kefu.dutylog.scheduling=false", "kefu.dutylog.lost-item-retention=30d"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DutyLogApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String NIGHT = Tokens.bearer("night", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String SECURITY_DEPT = Tokens.departmentBearer("security", "security");
    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");

    /** Late in the evening of a day not the system's ({@link com.kefu.platform.test.LateEveningClock}). */
    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LostAndFound lostAndFound;

    @Autowired
    ShiftDesk shiftDesk;


    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        return call(HttpMethod.POST, token, path, body);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return call(HttpMethod.GET, token, path, null);
    }

    private ResponseEntity<JsonNode> upload(String token, String incidentId, byte[] bytes, MediaType type) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "现场.jpg";
            }
        }).contentType(type);
        return api().post().uri("/api/incidents/" + incidentId + "/photos").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().toEntity(JsonNode.class);
    }


    private static JsonNode expectProblem(ResponseEntity<JsonNode> response, int status, String detail) {
        JsonNode problem = expect(response, status);
        assertThat(problem.get("detail").asText()).contains(detail);
        return problem;
    }

    /** A new day of its own for each test: 09:00 the next morning in the mall, the clock standing still. */
    private LocalDate nextDay() {
        clock.stop();
        LocalDate next = LocalDate.ofInstant(clock.instant(), MALL).plusDays(1);
        Instant nine = next.atTime(9, 0).atZone(MALL).toInstant();
        clock.advance(Duration.between(clock.instant(), nine));
        return next;
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    private String openShift(String token, String post) {
        return expect(post(token, "/api/shifts", Shifts.open(post)), 201).get("id").asText();
    }

    /** Both sign (D15): the desk proposes the handover to night, who accepts it; answers the acceptance. */
    private JsonNode handOver(String shiftPath) {
        expect(post(DESK, shiftPath + "/handover", Shifts.handover("night")), 200);
        return expect(post(NIGHT, shiftPath + "/handover/acceptance", null), 201);
    }

    /** The texts of an array's elements, or of one field of each ({@code field} empty: the elements themselves). */
    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(field.isEmpty() ? node.asText() : node.path(field).asText()));
        return values;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @Order(1)
    @DisplayName("D1 D2 D4 D5 D6 D7 D8 D10 D12 D13 D15 end to end: a shift logs, a fire with its photo holds up the "
            + "handover until resolved, the handover late against the post's shift time is proposed with its reason "
            + "and accepted by the incoming person, whose page carries over, the manager seals the day, a late write "
            + "enters its addendum")
    void endToEnd() throws Exception {
        LocalDate today = nextDay();
        String post = "front-desk";

        JsonNode opened = expect(post(DESK, "/api/shifts", Shifts.open(post)), 201);
        String shift = opened.get("id").asText();
        assertThat(opened.get("date").asText()).isEqualTo(today.toString());
        assertThat(opened.get("carriedOver")).isEmpty();
        expectProblem(post(NIGHT, "/api/shifts", Shifts.open(post)), 409, "stays open until it is handed over");

        String s = "/api/shifts/" + shift;
        String water = expect(post(DESK, s + "/entries", Shifts.entry("WATER", minutesAgo(30), "3楼漏水")), 201)
                .get("id").asText();
        expect(post(AFTER_SALES, s + "/entries", Shifts.entry("TENANT_MOVE_IN", minutesAgo(20), "A-301 入驻")), 201);

        JsonNode reported = expect(post(DESK, "/api/incidents", Shifts.fire(shift)), 201);
        String incident = reported.get("id").asText();
        assertThat(reported.get("major").asBoolean()).isTrue();
        String i = "/api/incidents/" + incident;
        expectProblem(post(DESK, i + "/resolve", Map.of("outcome", "已扑灭")), 409, "needs on-site photos");

        JsonNode photo = expect(upload(DESK, incident, Shifts.PNG, MediaType.IMAGE_PNG), 201);
        assertThat(photo.get("sha256").asText()).isEqualTo(sha256(Shifts.PNG));
        var served = api().get().uri(photo.get("href").asText()).header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .retrieve().toEntity(byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(served.getBody()).isEqualTo(Shifts.PNG);

        // D10: published on dutylog.events as a major incident with what the report told of the fire
        JsonNode published = new ObjectMapper().readTree(Topics.awaitRecord(DutylogTopics.EVENTS, incident).value());
        assertThat(published.get("type").asText()).isEqualTo("IncidentReported");
        assertThat(published.get("actor").asText()).isEqualTo("desk");
        JsonNode data = published.get("data");
        assertThat(data.get("major").asBoolean()).isTrue();
        assertThat(data.get("reporter").asText()).isEqualTo("保安 李明");
        assertThat(data.get("location").asText()).isEqualTo("B1 楼梯口");
        assertThat(data.get("fire").get("fireLocation").asText()).isEqualTo("B1 仓库");
        assertThat(data.get("fire").get("burning").asText()).isEqualTo("纸箱 / картон");
        assertThat(data.get("fire").get("flame").asBoolean()).isTrue();
        assertThat(data.get("fire").get("smoke").asBoolean()).isTrue();

        // D7: every reason at once, the shift stays open (D8)
        JsonNode refused = expect(post(DESK, s + "/handover", Shifts.unreadyHandover("night")), 409);
        assertThat(refused.get("type").asText()).isEqualTo("urn:kefu:problem:handover-refused");
        assertThat(texts(refused.get("reasons"), "")).hasSize(3)
                .anyMatch(reason -> reason.contains("major incident " + incident) && reason.contains("FIRE"))
                .anyMatch(reason -> reason.contains("items have not been counted"))
                .anyMatch(reason -> reason.contains("night is unfit for duty and no substitute"));
        JsonNode fitButFire = expect(post(DESK, s + "/handover", Shifts.handover("night")), 409);
        assertThat(texts(fitButFire.get("reasons"), "")).singleElement().asString().contains(incident);
        assertThat(expect(get(DESK, s), 200).get("open").asBoolean()).isTrue();

        // D13 not while a step of the fire's checklist is open
        expectProblem(post(DESK, i + "/resolve", Map.of("outcome", "已扑灭")), 409, "EVACUATION_GUIDED");
        Shifts.FIRE_STEPS.forEach(step -> expect(post(DESK, i + "/fire-steps/" + step, Map.of()), 200));
        JsonNode resolved = expect(post(DESK, i + "/resolve", Map.of("outcome", "已扑灭, 无人受伤")), 200);
        assertThat(resolved.get("resolved").asBoolean()).isTrue();
        assertThat(resolved.get("photos")).hasSize(1);
        assertThat(resolved.get("fire").get("fireLocation").asText()).isEqualTo("B1 仓库");

        // D15 front-desk's shift opened at 09:00 is due at 16:00 (application.yml): at 17:00 it is late, and the
        // proposal says why; the shift stays open until the incoming person accepts it under their own sign-in
        clock.advance(Duration.ofHours(8));
        JsonNode noReason = expect(post(DESK, s + "/handover", Shifts.handover("night")), 409);
        assertThat(noReason.get("type").asText()).isEqualTo("urn:kefu:problem:handover-late");
        assertThat(noReason.get("detail").asText())
                .contains("was due at " + today.atTime(16, 0).atZone(MALL).toInstant());
        Map<String, Object> late = new HashMap<>(Shifts.handover("night"));
        late.put("lateReason", "接班人地铁晚点 / сменщика задержало метро");
        JsonNode proposed = expect(post(DESK, s + "/handover", late), 200);
        assertThat(proposed.get("open").asBoolean()).isTrue();
        assertThat(proposed.get("handoverProposal").get("late").asBoolean()).isTrue();
        assertThat(proposed.get("handoverProposal").get("lateReason").asText()).isEqualTo("接班人地铁晚点 / сменщика задержало метро");
        assertThat(Instant.parse(proposed.get("handoverDue").asText()))
                .isEqualTo(today.atTime(16, 0).atZone(MALL).toInstant());
        JsonNode accepted = expect(post(NIGHT, s + "/handover/acceptance", null), 201);
        JsonNode handedOver = accepted.get("handedOver");
        assertThat(handedOver.get("open").asBoolean()).isFalse();
        assertThat(handedOver.get("handoverAcceptance").get("acceptedBy").asText()).isEqualTo("night");
        assertThat(handedOver.get("handoverAcceptance").get("late").asBoolean()).isTrue();
        JsonNode handover = handedOver.get("handover");
        assertThat(handover.get("outgoing").asText()).isEqualTo("desk");
        assertThat(handover.get("incoming").asText()).isEqualTo("night");
        assertThat(texts(handover.get("items"), "name")).contains("对讲机 / рация");
        assertThat(texts(handover.get("openMatters"), "cause")).containsExactly("水管老化");
        assertThat(texts(handover.get("instructions"), "text")).containsExactly("明早检查消防通道");
        expectProblem(post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(1), "late")), 409,
                "has been handed over");

        // D1: the next page, opened for the incoming person by the acceptance, carries over what was handed over
        JsonNode next = accepted.get("next");
        assertThat(next.get("fromShiftId").asText()).isEqualTo(shift);
        assertThat(texts(next.get("carriedOver"), "kind")).containsExactly("OPEN_MATTER", "INSTRUCTION");
        assertThat(texts(next.get("carriedOver"), "subject")).contains("3楼漏水");
        String nextShift = next.get("id").asText();
        JsonNode nextPage = expect(get(AUDITOR, "/api/shifts/" + nextShift), 200);
        assertThat(nextPage.get("openedBy").asText()).isEqualTo("night");
        assertThat(texts(nextPage.get("carriedOver").get("openMatters"), "result")).containsExactly("等工程部换管");

        // D5: only the manager signs; the day is sealed
        expect(post(DESK, "/api/duty-days/" + today + "/signature", null), 403);
        JsonNode signed = expect(post(MANAGER, "/api/duty-days/" + today + "/signature", null), 200);
        assertThat(signed.get("sealed").asBoolean()).isTrue();
        assertThat(signed.get("signature").get("signedBy").asText()).isEqualTo("manager");
        assertThat(signed.get("signature").get("entries").asInt()).isEqualTo(3); // two entries and the fire
        assertThat(signed.get("signature").get("digest").asText()).hasSize(64);
        assertThat(signed.get("intact").asBoolean()).isTrue();

        // D12 a write after the signature is not refused: it enters the day's addendum, the signed day stays intact
        JsonNode lateEntry = expect(post(NIGHT, "/api/shifts/" + nextShift + "/entries",
                Shifts.entry("OTHER", minutesAgo(5), "补记")), 201);
        assertThat(lateEntry.get("addendum").asInt()).isEqualTo(1);
        assertThat(expect(post(DESK, s + "/entries/" + water + "/corrections", Map.of("description", "4楼")), 201)
                .get("addendum").asInt()).isEqualTo(1);
        // an entry of the addendum is corrected like any other, within the addendum (D3, D12)
        JsonNode addendumCorrection = expect(post(NIGHT, "/api/shifts/" + nextShift + "/entries/"
                + lateEntry.get("id").asText() + "/corrections", Map.of("description", "补记: 4楼")), 201);
        assertThat(addendumCorrection.get("addendum").asInt()).isEqualTo(1);
        JsonNode lateLeak = expect(post(NIGHT, "/api/incidents", Shifts.waterLeak(nextShift)), 201);
        assertThat(lateLeak.get("addendum").asInt()).isEqualTo(1);
        expect(post(NIGHT, "/api/incidents/" + lateLeak.get("id").asText() + "/resolve",
                Map.of("outcome", "已修")), 200);
        JsonNode addendum = expect(post(MANAGER, "/api/duty-days/" + today + "/signature", null), 200);
        assertThat(addendum.get("addenda").get(0).get("signature").get("entries").asInt()).isEqualTo(4);
        JsonNode correctionInAddendum = addendum.get("addenda").get(0).get("entries").get(2);
        assertThat(correctionInAddendum.get("corrects").asText()).isEqualTo(lateEntry.get("id").asText());
        assertThat(correctionInAddendum.get("description").asText()).isEqualTo("补记: 4楼");
        expectProblem(post(MANAGER, "/api/duty-days/" + today + "/signature", null), 409, "no addendum to sign");
        expect(post(NIGHT, "/api/shifts/" + nextShift + "/entries",
                Shifts.entry("OTHER", minutesAgo(60 * 24), "前一天的事, 补记")), 201); // yesterday is not signed
        assertThat(expect(get(AUDITOR, "/api/duty-days/" + today), 200).get("intact").asBoolean()).isTrue();

        // history, replayed from the event store, for those who read the log
        JsonNode shiftHistory = expect(get(AUDITOR, s + "/history"), 200);
        assertThat(texts(shiftHistory, "type")).containsExactly("ShiftOpened", "EntryRecorded", "EntryRecorded",
                "EntryRecorded", "HandoverProposed", "HandoverAccepted", "ShiftHandedOver");
        assertThat(texts(shiftHistory, "actor")).containsExactly("desk", "desk", "aftersales", "desk", "desk", "night",
                "night");
        assertThat(shiftHistory.get(3).get("data").get("reference").asText()).isEqualTo("incident:" + incident);
        assertThat(texts(expect(get(AUDITOR, i + "/history"), 200), "type"))
                .startsWith("IncidentReported", "FireChecklistOpened", "IncidentPhotoAttached", "FireStepDone")
                .endsWith("IncidentResolved");
        List<String> day = texts(expect(get(MANAGER, "/api/duty-days/" + today + "/history"), 200), "type");
        assertThat(day).startsWith("ShiftOpened").contains("IncidentReported", "ShiftHandedOver", "MattersCarriedOver")
                .contains("DutyDaySigned").endsWith("AddendumSigned");

        // roles: the auditor reads and changes nothing; a department does not read the log
        expect(post(AUDITOR, "/api/shifts/" + nextShift + "/entries", Shifts.entry("OTHER", minutesAgo(1), "x")), 403);
        expect(post(AUDITOR, "/api/incidents", Shifts.waterLeak(nextShift)), 403);
        expect(get(SECURITY_DEPT, s), 403);
        expect(get(SECURITY_DEPT, s + "/history"), 403);

        // D11, D12 a phone complaint reaching the log after its day was signed is neither refused, nor lost, nor moved
        // to another day: it enters that day's addendum at once, at the time it was received, written by the shift on
        // duty; the signed day still verifies
        String number = "KF-SEALED-" + UUID.randomUUID().toString().substring(0, 6);
        Instant received = clock.instant().minus(Duration.ofMinutes(3));
        shiftDesk.takeComplaintCall(new ShiftDesk.ComplaintCall(UUID.randomUUID().toString(), number, "夜间来电",
                "desk", received));
        assertThat(texts(expect(get(AUDITOR, "/api/shifts/" + nextShift), 200).get("entries"), "reference"))
                .doesNotContain(number);
        JsonNode withCall = expect(get(MANAGER, "/api/duty-days/" + today), 200);
        assertThat(withCall.get("intact").asBoolean()).isTrue();
        JsonNode secondAddendum = withCall.get("addenda").get(1);
        assertThat(secondAddendum.get("number").asInt()).isEqualTo(2);
        JsonNode call = secondAddendum.get("entries").get(0);
        assertThat(call.get("reference").asText()).isEqualTo(number);
        assertThat(call.get("category").asText()).isEqualTo("COMPLAINT_CALL");
        assertThat(call.get("shiftId").asText()).isEqualTo(nextShift);
        assertThat(Instant.parse(call.get("occurredAt").asText())).isEqualTo(received);
        assertThat(secondAddendum.path("signature").isObject()).isFalse(); // not yet signed
    }

    @Test
    @Order(9)
    @DisplayName("D13 a fire's checklist stored before its events were published (under the old internal classes) is "
            + "still read: its history, its aggregate (the next step and the resolution) and its view")
    void fireChecklistStoredUnderTheOldClassesStaysReadable() {
        String incident = expect(post(DESK, "/api/incidents", Shifts.fire()), 201).get("id").asText();
        String i = "/api/incidents/" + incident;
        expect(upload(DESK, incident, Shifts.PNG, MediaType.IMAGE_PNG), 201);
        expect(post(DESK, i + "/fire-steps/SENIOR_ON_DUTY_TOLD", Map.of("note", "值班经理")), 200);
        expect(post(DESK, i + "/fire-steps/EXTINGUISHER_USED/not-needed", Map.of("reason", "已自行熄灭")), 200);
        int renamed = jdbc.update("""
                update domain_event_entry set payload_type = replace(payload_type, 'com.kefu.dutylog.api.Fire',
                                                                     'com.kefu.dutylog.event.Fire')
                where aggregate_identifier = ? and payload_type like 'com.kefu.dutylog.api.Fire%'""", incident);
        assertThat(renamed).isEqualTo(3);
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?",
                String.class, incident)).contains("com.kefu.dutylog.event.FireStepDoneEvent");

        assertThat(texts(expect(get(AUDITOR, i + "/history"), 200), "type")).containsSubsequence(
                "IncidentReported", "FireChecklistOpened", "FireStepDone", "FireStepNotNeeded");
        for (String step : List.of("SECURITY_CONTROL_ROOM_TOLD", "FIRE_BRIGADE_CALLED", "EVACUATION_GUIDED")) {
            expect(post(DESK, i + "/fire-steps/" + step, Map.of()), 200);
        }
        JsonNode resolved = expect(post(DESK, i + "/resolve", Map.of("outcome", "已扑灭")), 200);
        assertThat(resolved.get("resolved").asBoolean()).isTrue();
        JsonNode steps = resolved.get("fireChecklist").get("steps");
        assertThat(texts(steps, "status")).containsExactly("DONE", "DONE", "DONE", "NOT_NEEDED", "DONE");
        assertThat(steps.get(3).get("reason").asText()).isEqualTo("已自行熄灭");
    }

    @Test
    @Order(6)
    @DisplayName("dutylog-service serves health, metrics and its API documentation")
    void healthMetricsAndDocs() {
        assertServesHealthMetricsAndDocs("dutylog-service", "/api/incidents/{id}/photos");
    }

    @Test
    @Order(8)
    @DisplayName("D6 D8 D15 the handover is signed by both: the outgoing person proposes it, nobody else accepts or "
            + "refuses it, the incoming person refuses naming why (recorded; the shift stays open), a second proposal "
            + "is accepted under the incoming person's own sign-in, which closes the shift and opens the next for them; "
            + "the handover sheet prints")
    void twoPersonHandover() {
        nextDay();
        String post = "two-person-" + UUID.randomUUID().toString().substring(0, 6);
        String shift = openShift(DESK, post);
        String s = "/api/shifts/" + shift;
        expectProblem(post(NIGHT, s + "/handover/acceptance", null), 409, "no handover of shift " + shift
                + " is proposed");

        JsonNode proposed = expect(post(DESK, s + "/handover", Shifts.handover("night")), 200);
        assertThat(proposed.get("open").asBoolean()).isTrue();
        assertThat(proposed.get("handoverProposal").get("outgoing").asText()).isEqualTo("desk");
        assertThat(proposed.get("handoverProposal").get("incoming").asText()).isEqualTo("night");
        assertThat(proposed.get("handoverProposal").get("late").asBoolean()).isFalse();
        assertThat(proposed.hasNonNull("handoverDue")).as("a post without shift times").isFalse();
        JsonNode notYours = expect(post(AFTER_SALES, s + "/handover/acceptance", null), 409);
        assertThat(notYours.get("type").asText()).isEqualTo("urn:kefu:problem:handover-not-yours");
        assertThat(notYours.get("detail").asText()).contains("proposed to night");
        expect(post(DESK, s + "/handover/acceptance", null), 409);
        expect(post(AFTER_SALES, s + "/handover/refusal", Map.of("reason", "x")), 409);
        // D8 the shift stays with the outgoing person: still open, still written
        expect(post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(1), "等接班")), 201);

        clock.advance(Duration.ofMinutes(3));
        JsonNode refused = expect(post(NIGHT, s + "/handover/refusal",
                Map.of("reason", "对讲机少一台 / не хватает рации")), 200);
        assertThat(refused.get("open").asBoolean()).isTrue();
        assertThat(refused.hasNonNull("handoverProposal")).isFalse();
        assertThat(refused.get("handoverRefusals")).hasSize(1);
        assertThat(refused.get("handoverRefusals").get(0).get("declinedBy").asText()).isEqualTo("night");
        assertThat(refused.get("handoverRefusals").get(0).get("reason").asText())
                .isEqualTo("对讲机少一台 / не хватает рации");
        assertThat(Instant.parse(refused.get("handoverRefusals").get(0).get("declinedAt").asText()))
                .isEqualTo(clock.instant());
        expect(post(NIGHT, s + "/handover/acceptance", null), 409);

        expect(post(DESK, s + "/handover", Shifts.handover("night")), 200);
        clock.advance(Duration.ofMinutes(2));
        JsonNode accepted = expect(post(NIGHT, s + "/handover/acceptance", Map.of()), 201);
        JsonNode closed = accepted.get("handedOver");
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("handover").get("outgoing").asText()).isEqualTo("desk");
        assertThat(closed.get("handover").get("incoming").asText()).isEqualTo("night");
        assertThat(Instant.parse(closed.get("handover").get("handedOverAt").asText())).isEqualTo(clock.instant());
        assertThat(closed.get("handoverAcceptance").get("acceptedBy").asText()).isEqualTo("night");
        assertThat(closed.get("handoverAcceptance").get("late").asBoolean()).isFalse();
        assertThat(closed.get("handoverRefusals")).hasSize(1);
        JsonNode next = expect(get(AUDITOR, "/api/shifts/" + accepted.get("next").get("id").asText()), 200);
        assertThat(next.get("open").asBoolean()).isTrue();
        assertThat(next.get("post").asText()).isEqualTo(post);
        assertThat(next.get("openedBy").asText()).isEqualTo("night");
        assertThat(next.get("carriedOver").get("fromShiftId").asText()).isEqualTo(shift);
        assertThat(texts(expect(get(AUDITOR, s + "/history"), 200), "type")).containsExactly("ShiftOpened",
                "HandoverProposed", "EntryRecorded", "HandoverDeclined", "HandoverProposed", "HandoverAccepted",
                "ShiftHandedOver");
        expectProblem(post(NIGHT, s + "/handover/acceptance", null), 409, "has been handed over");

        var sheet = api().get().uri(s + "/handover-sheet").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(sheet.getStatusCode().value()).isEqualTo(200);
        assertThat(sheet.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(sheet.getBody()).contains("交接班记录", "Лист передачи смены", post, "等接班", "对讲机 / рация",
                "3楼漏水", "水管老化", "主管 张", "明早检查消防通道", "交班人", "desk", "night");
        assertThat(api().get().uri("/api/shifts/no-such-shift/handover-sheet").header(HttpHeaders.AUTHORIZATION,
                AUDITOR).accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    @DisplayName("D2 D4 bad input is refused with problem details, never 500: unknown category, the future, "
            + "a fire without its details, a 50 MB photo and a 3 MB body (413 request-too-large), a photo that is not "
            + "an image (415)")
    void badInput() {
        nextDay();
        String shift = openShift(DESK, "bad-input");
        String s = "/api/shifts/" + shift;

        Map<String, Object> unknown = new HashMap<>(Shifts.entry("WATER", minutesAgo(5), "?"));
        unknown.put("category", "EARTHQUAKE");
        expectProblem(post(DESK, s + "/entries", unknown), 400, "category");
        expectProblem(post(DESK, s + "/entries", Shifts.entry("WATER", clock.instant().plus(Duration.ofHours(1)),
                "明天的事")), 400, "occurredAt");
        Map<String, Object> blank = new HashMap<>(Shifts.entry("WATER", minutesAgo(5), " "));
        expectProblem(post(DESK, s + "/entries", blank), 400, "description");
        expect(post(DESK, "/api/shifts/no-such-shift/entries", Shifts.entry("WATER", minutesAgo(5), "x")), 404);

        Map<String, Object> fireWithoutDetails = new HashMap<>(Shifts.fire(shift));
        fireWithoutDetails.remove("fire");
        expectProblem(post(DESK, "/api/incidents", fireWithoutDetails), 400, "fire");

        JsonNode leak = expect(post(DESK, "/api/incidents", Shifts.waterLeak(shift)), 201);
        String incident = leak.get("id").asText();
        assertThat(leak.get("major").asBoolean()).isFalse();

        byte[] huge = new byte[50 * 1024 * 1024];
        System.arraycopy(Shifts.JPEG, 0, huge, 0, Shifts.JPEG.length);
        JsonNode tooLarge = expect(upload(DESK, incident, huge, MediaType.IMAGE_JPEG), 413);
        assertThat(tooLarge.get("type").asText()).isEqualTo("urn:kefu:problem:request-too-large");
        Map<String, Object> longEntry = new HashMap<>(Shifts.entry("WATER", minutesAgo(5), "x"));
        longEntry.put("description", "漏".repeat(1024 * 1024));
        JsonNode bodyTooLarge = expect(post(DESK, s + "/entries", longEntry), 413);
        assertThat(bodyTooLarge.get("type").asText()).isEqualTo("urn:kefu:problem:request-too-large");
        byte[] text = "<script>alert(1)</script> not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode notAnImage = expect(upload(DESK, incident, text, MediaType.IMAGE_PNG), 415);
        assertThat(notAnImage.get("type").asText()).isEqualTo("urn:kefu:problem:unsupported-photo");
        expect(post(DESK, "/api/incidents/" + incident + "/photos", Map.of("file", "x")), 415);
        expect(upload(DESK, "no-such-incident", Shifts.JPEG, MediaType.IMAGE_JPEG), 404);
        JsonNode jpeg = expect(upload(DESK, incident, Shifts.JPEG, MediaType.APPLICATION_OCTET_STREAM), 201);
        assertThat(jpeg.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(expect(get(DESK, "/api/incidents/" + incident), 200).get("photos")).hasSize(1);

        expect(post(DESK, "/api/incidents/" + incident + "/resolve", Map.of("outcome", "已修")), 200);
        expectProblem(post(DESK, "/api/incidents/" + incident + "/resolve", Map.of("outcome", "again")), 409,
                "already resolved");
        expectProblem(post(MANAGER, "/api/duty-days/" + LocalDate.ofInstant(clock.instant(), MALL).plusDays(1)
                + "/signature", null), 400, "before the day begins");
        expect(post(DESK, s + "/handover", Map.of("incoming", "night")), 400);
        expect(post(DESK, s + "/handover", Shifts.handover("night")), 200);
        expectProblem(post(NIGHT, s + "/handover/refusal", Map.of("reason", " ")), 400, "reason");
        expect(post(NIGHT, "/api/shifts/no-such-shift/handover/acceptance", null), 404);
        expect(post(NIGHT, s + "/handover/acceptance", null), 201);
    }

    @Test
    @Order(3)
    @DisplayName("D3 entries are never edited or deleted: a correction is a new entry pointing to the old, "
            + "both readable")
    void corrections() {
        nextDay();
        String shift = openShift(DESK, "corrections");
        String s = "/api/shifts/" + shift;
        String original = expect(post(DESK, s + "/entries", Shifts.entry("THEFT", minutesAgo(40), "3楼 手机被盗")), 201)
                .get("id").asText();
        JsonNode correction = expect(post(AFTER_SALES, s + "/entries/" + original + "/corrections",
                Map.of("description", "4楼 手机被盗 (不是3楼)", "outcome", "已报警")), 201);
        assertThat(correction.get("corrects").asText()).isEqualTo(original);

        JsonNode entries = expect(get(DESK, s), 200).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("id").asText()).isEqualTo(original);
        assertThat(entries.get(0).get("description").asText()).isEqualTo("3楼 手机被盗");
        assertThat(texts(entries.get(0).get("correctedBy"), "")).containsExactly(correction.get("id").asText());
        assertThat(entries.get(1).get("corrects").asText()).isEqualTo(original);
        assertThat(entries.get(1).get("category").asText()).isEqualTo("THEFT");
        assertThat(entries.get(1).get("occurredAt").asText()).isEqualTo(entries.get(0).get("occurredAt").asText());

        expect(call(HttpMethod.PUT, DESK, s + "/entries/" + original, Map.of("description", "x")), 405);
        expect(call(HttpMethod.DELETE, DESK, s + "/entries/" + original, null), 405);
        expect(post(DESK, s + "/entries/no-such-entry/corrections", Map.of("description", "x")), 404);
        handOver(s);
    }

    @Test
    @Order(4)
    @DisplayName("D5 the signature's digest shows a later change of the day's history in the event store")
    void digestShowsTampering() {
        LocalDate day = nextDay();
        String shift = openShift(DESK, "digest");
        String s = "/api/shifts/" + shift;
        expect(post(DESK, s + "/entries", Shifts.entry("FIGHT", minutesAgo(50), "两名顾客 争吵 MARKER-A")), 201);
        expect(post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(10), "电梯 停运")), 201);
        handOver(s);

        JsonNode before = expect(get(AUDITOR, "/api/duty-days/" + day), 200);
        assertThat(before.get("sealed").asBoolean()).isFalse();
        assertThat(before.get("current").get("entries").asInt()).isEqualTo(2);
        JsonNode signed = expect(post(MANAGER, "/api/duty-days/" + day + "/signature", null), 200);
        String digest = signed.get("signature").get("digest").asText();
        assertThat(digest).isEqualTo(before.get("current").get("sha256").asText());

        int changed = jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'MARKER-A', 'MARKER-B'), 'UTF8')
                where aggregate_identifier = ? and convert_from(payload, 'UTF8') like '%MARKER-A%'""", shift);
        assertThat(changed).isEqualTo(1);
        JsonNode after = expect(get(AUDITOR, "/api/duty-days/" + day), 200);
        assertThat(after.get("intact").asBoolean()).isFalse();
        assertThat(after.get("signature").get("digest").asText()).isEqualTo(digest);
        assertThat(after.get("current").get("sha256").asText()).isNotEqualTo(digest);
    }

    @Test
    @Order(5)
    @DisplayName("D9 lost and found: found, handed to the supervisor, stored, handed back only against identification, "
            + "disposed of after the retention period; the whole chain of custody shows")
    void lostAndFound() {
        nextDay();
        JsonNode wallet = expect(post(DESK, "/api/lost-items", Shifts.lostItem(minutesAgo(30))), 201);
        String w = "/api/lost-items/" + wallet.get("id").asText();
        assertThat(texts(wallet.get("chainOfCustody"), "step"))
                .containsExactly("FOUND", "HANDED_TO_SUPERVISOR", "STORED");
        assertThat(texts(wallet.get("chainOfCustody"), "to")).contains("主管 张");
        assertThat(texts(wallet.get("chainOfCustody"), "where")).contains("2楼女卫生间", "客服部保险柜 A3");
        // kept until the retention period (30 days here) after it was found: then it is disposed of
        assertThat(Instant.parse(wallet.get("keptUntil").asText()))
                .isEqualTo(Instant.parse(wallet.get("chainOfCustody").get(0).get("at").asText()).plus(Duration.ofDays(30)));

        expectProblem(post(DESK, w + "/claim", Map.of("claimant", "Иванова Анна", "identityChecked", false)), 409,
                "identity has been checked");
        expect(post(DESK, w + "/claim", Map.of("claimant", "Иванова Анна")), 400);
        JsonNode returned = expect(post(DESK, w + "/claim",
                Map.of("claimant", "Иванова Анна", "identityChecked", true, "identityDocument", "паспорт")), 200);
        assertThat(returned.get("custody").asText()).isEqualTo("RETURNED");
        JsonNode handedBack = returned.get("chainOfCustody").get(3);
        assertThat(handedBack.get("step").asText()).isEqualTo("RETURNED");
        assertThat(handedBack.get("to").asText()).isEqualTo(Masking.name("Иванова Анна")); // S5: masked
        assertThat(handedBack.get("by").asText()).isEqualTo("desk");
        // PD2 S2: in clear only for the supervisor and the head, with a reason, each read listed for the auditor
        String supervisor = Tokens.bearer("zhang", "SUPERVISOR");
        expect(get(DESK, w + "/claimant?reason=失主来问"), 403);
        expect(get(supervisor, w + "/claimant"), 400);
        expect(get(supervisor, "/api/lost-items/" + UUID.randomUUID() + "/claimant?reason=x"), 404);
        JsonNode claimant = expect(get(supervisor, w + "/claimant?reason=失主来问"), 200);
        assertThat(claimant.get("claimant").asText()).isEqualTo("Иванова Анна");
        assertThat(claimant.get("identityDocument").asText()).isEqualTo("паспорт");
        JsonNode reads = expect(get(AUDITOR, "/api/lost-items/contact-reads?item=" + wallet.get("id").asText()), 200);
        assertThat(texts(reads, "why")).containsExactly("失主来问");
        assertThat(texts(reads, "readBy")).containsExactly("zhang");
        assertThat(texts(reads, "what")).containsExactly("lost item claimant");
        expect(get(supervisor, "/api/lost-items/contact-reads"), 403);
        // S3: on her request, the claimant's name and document are erased; the chain of custody stays
        expect(post(DESK, w + "/erasure", Map.of("reason", "本人要求")), 403);
        JsonNode erased = expect(post(Tokens.bearer("head", "CS_HEAD"), w + "/erasure", Map.of("reason", "本人要求")),
                200);
        assertThat(erased.get("chainOfCustody").get(3).get("to").asText()).isEqualTo("[erased]");
        assertThat(erased.get("custody").asText()).isEqualTo("RETURNED");
        assertThat(expect(get(AUDITOR, w + "/history"), 200).toString()).doesNotContain("Иванова").doesNotContain("паспорт");

        String umbrella = expect(post(DESK, "/api/lost-items", Shifts.lostItem(minutesAgo(10))), 201)
                .get("id").asText();
        clock.advance(Duration.ofDays(29));
        String keys = expect(post(DESK, "/api/lost-items", Shifts.lostItem(minutesAgo(10))), 201).get("id").asText();
        assertThat(lostAndFound.disposeUnclaimed()).isZero();
        clock.advance(Duration.ofDays(2)); // the retention is 30 days here
        assertThat(lostAndFound.disposeUnclaimed()).isEqualTo(1);
        JsonNode disposed = expect(get(AUDITOR, "/api/lost-items/" + umbrella), 200);
        assertThat(disposed.get("custody").asText()).isEqualTo("DISPOSED");
        assertThat(texts(disposed.get("chainOfCustody"), "step")).endsWith("DISPOSED");
        assertThat(expect(get(AUDITOR, "/api/lost-items/" + keys), 200).get("custody").asText()).isEqualTo("STORED");
        assertThat(expect(get(AUDITOR, w), 200).get("custody").asText()).isEqualTo("RETURNED");
        expectProblem(post(DESK, "/api/lost-items/" + umbrella + "/claim",
                Map.of("claimant", "late", "identityChecked", true)), 409, "disposed");
        expect(get(DESK, "/api/lost-items/no-such-item"), 404);
        expect(post(AUDITOR, "/api/lost-items", Shifts.lostItem(minutesAgo(10))), 403);
    }

    @Test
    @Order(7)
    @DisplayName("D9 the lost items as a list: by custody and the day they were found, newest first, a page at a time "
            + "(at most 100), each with the end of its retention, and nothing of who claimed it")
    void lostItemList() {
        LocalDate day = nextDay();
        String wallet = register("钱包 " + day, minutesAgo(50));
        String phone = register("手机 " + day, minutesAgo(40));
        String scarf = register("围巾 " + day, minutesAgo(30));
        expect(post(DESK, "/api/lost-items/" + phone + "/claim",
                Map.of("claimant", "Петрова Ольга", "identityChecked", true, "identityDocument", "паспорт РФ")), 200);
        String thatDay = "from=" + day + "&to=" + day;

        JsonNode all = expect(get(AUDITOR, "/api/lost-items?" + thatDay), 200);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(texts(all.get("items"), "id")).containsExactly(scarf, phone, wallet);
        assertThat(texts(all.get("items"), "custody")).containsExactly("STORED", "RETURNED", "STORED");
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("description").asText()).isEqualTo("围巾 " + day);
        assertThat(first.get("foundWhere").asText()).isEqualTo("2楼女卫生间");
        assertThat(first.get("storedAt").asText()).isEqualTo("客服部保险柜 A3");
        assertThat(Instant.parse(first.get("foundAt").asText())).isEqualTo(minutesAgo(30));
        for (JsonNode item : all.get("items")) {
            assertThat(Instant.parse(item.get("keptUntil").asText()))
                    .isEqualTo(Instant.parse(item.get("foundAt").asText()).plus(Duration.ofDays(30)));
            assertThat(item.get("keptUntil").asText()).isEqualTo(
                    expect(get(DESK, "/api/lost-items/" + item.get("id").asText()), 200).get("keptUntil").asText());
        }
        // the single item names who it was handed back to, masked (PD1); the list does not
        assertThat(all.toString()).doesNotContain("Петрова").doesNotContain("паспорт");
        assertThat(expect(get(DESK, "/api/lost-items/" + phone), 200).toString())
                .contains(Masking.name("Петрова Ольга")).doesNotContain("Петрова");

        assertThat(texts(expect(get(DESK, "/api/lost-items?custody=STORED&" + thatDay), 200).get("items"), "id"))
                .containsExactly(scarf, wallet);
        assertThat(texts(expect(get(DESK, "/api/lost-items?custody=RETURNED&" + thatDay), 200).get("items"), "id"))
                .containsExactly(phone);
        assertThat(expect(get(DESK, "/api/lost-items?custody=DISPOSED&" + thatDay), 200).get("total").asLong())
                .isZero();
        assertThat(expect(get(DESK, "/api/lost-items?from=" + day.plusDays(1)), 200).get("total").asLong())
                .isZero();
        assertThat(texts(expect(get(DESK, "/api/lost-items?to=" + day.minusDays(1)), 200).get("items"), "id"))
                .doesNotContain(wallet, phone, scarf);

        JsonNode firstPage = expect(get(DESK, "/api/lost-items?size=2&" + thatDay), 200);
        assertThat(texts(firstPage.get("items"), "id")).containsExactly(scarf, phone);
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(texts(expect(get(DESK, "/api/lost-items?size=2&page=1&" + thatDay), 200).get("items"), "id"))
                .containsExactly(wallet);
        // nothing was found later than on this day: without filters it comes first
        assertThat(texts(expect(get(Tokens.bearer("supervisor", "SUPERVISOR"), "/api/lost-items"), 200)
                .get("items"), "id")).startsWith(scarf, phone, wallet);

        expect(get(DESK, "/api/lost-items?size=100"), 200);
        expectProblem(get(DESK, "/api/lost-items?size=101"), 400, "size");
        expectProblem(get(DESK, "/api/lost-items?size=0"), 400, "size");
        expectProblem(get(DESK, "/api/lost-items?page=-1"), 400, "page");
        JsonNode lost = expectProblem(get(DESK, "/api/lost-items?custody=LOST"), 400, "custody cannot be 'LOST'");
        assertThat(lost.get("type").asText()).isEqualTo("urn:kefu:problem:invalid-request");
        assertThat(lost.get("detail").asText()).contains("STORED", "RETURNED", "DISPOSED");
        expectProblem(get(DESK, "/api/lost-items?from=yesterday"), 400, "from cannot be 'yesterday'");
        expect(get(SECURITY_DEPT, "/api/lost-items"), 403);
    }

    private String register(String description, Instant foundAt) {
        Map<String, Object> item = new HashMap<>(Shifts.lostItem(foundAt));
        item.put("description", description);
        return expect(post(DESK, "/api/lost-items", item), 201).get("id").asText();
    }

    @Test
    @Order(99)
    @DisplayName("API-IDEM D9 a retried registration of a lost item with the same Idempotency-Key answers the first and "
            + "registers nothing new; the same key from another user is 409 naming the rule")
    void retriedCreateRegistersOnce() {
        nextDay();
        Map<String, Object> item = new HashMap<>(Shifts.lostItem(minutesAgo(30)));
        String description = "retried " + UUID.randomUUID();
        item.put("description", description);
        String key = UUID.randomUUID().toString();
        var first = postWithKey(DESK, key, item);
        var retry = postWithKey(DESK, key, item);
        String id = expect(first, 201).get("id").asText();
        assertThat(expect(retry, 201).get("id").asText()).isEqualTo(id);
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        await().until(() -> jdbc.queryForObject("select count(*) from lost_item_view where id = ?", Integer.class,
                id) == 1);
        assertThat(jdbc.queryForObject("select count(*) from lost_item_view where description = ?", Integer.class,
                description)).isEqualTo(1);

        expectProblem(postWithKey(NIGHT, key, item), 409, "Idempotency-Key");
        assertThat(expect(postWithKey(DESK, UUID.randomUUID().toString(), item), 201).get("id").asText())
                .isNotEqualTo(id);
    }

    private ResponseEntity<JsonNode> postWithKey(String token, String key, Object body) {
        return api().post().uri("/api/lost-items").header(HttpHeaders.AUTHORIZATION, token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }
}
