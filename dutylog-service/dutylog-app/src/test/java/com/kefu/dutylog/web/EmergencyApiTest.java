package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.Shifts;
import com.kefu.dutylog.api.DutylogTopics;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D12 no emergency is ever refused, over HTTP against real PostgreSQL and Kafka: not on a day the manager signed,
 * not while no shift is open. What is written after the signature enters the day's addendum, signed in turn; the
 * signed day stays as signed. A database of this class's own, so that which shifts are open is known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.dutylog.scheduling=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmergencyApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String NIGHT = Tokens.bearer("night", "FRONT_DESK");
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    MutableClock clock;

    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        return call(HttpMethod.POST, token, path, body);
    }

    private JsonNode get(String token, String path) {
        return expect(call(HttpMethod.GET, token, path, null), 200);
    }

    private LocalDate nextDay() {
        clock.stop();
        LocalDate next = LocalDate.ofInstant(clock.instant(), MutableClock.MALL).plusDays(1);
        clock.advance(Duration.between(clock.instant(), next.atTime(9, 0).atZone(MutableClock.MALL).toInstant()));
        return next;
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    /** Both sign (D15): the desk proposes the handover to night, who accepts it; answers the page opened for night. */
    private String handOver(String shiftId) {
        expect(post(DESK, "/api/shifts/" + shiftId + "/handover", Shifts.handover("night")), 200);
        return expect(post(NIGHT, "/api/shifts/" + shiftId + "/handover/acceptance", null), 201).get("next").get("id")
                .asText();
    }

    /** Resolves an incident as the rules ask of it: a photo (D4), a fire's checklist (D13), then its outcome. */
    private void resolve(String incidentId) {
        JsonNode checklist = get(DESK, "/api/incidents/" + incidentId).path("fireChecklist");
        checklist.path("open").forEach(step -> expect(post(DESK, "/api/incidents/" + incidentId + "/fire-steps/"
                + step.asText(), Map.of("note", "ok")), 200));
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(Shifts.PNG) {
            @Override
            public String getFilename() {
                return "现场.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        expect(api().post().uri("/api/incidents/" + incidentId + "/photos").header(HttpHeaders.AUTHORIZATION, DESK)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().toEntity(JsonNode.class),
                201);
        expect(post(DESK, "/api/incidents/" + incidentId + "/resolve", Map.of("outcome", "已处理")), 200);
    }

    @Test
    @Order(1)
    @DisplayName("D12 an incident is taken while no shift is open, or with a page handed over: its entry waits for the "
            + "next shift opened, which takes it in naming when it was reported")
    void incidentWithoutAnOpenShift() throws Exception {
        LocalDate day = nextDay();
        assertThat(expect(api().get().uri("/api/shifts/current").header(HttpHeaders.AUTHORIZATION, DESK).retrieve()
                .toEntity(JsonNode.class), 404)).isNotNull();

        JsonNode fire = expect(post(DESK, "/api/incidents", Shifts.fire()), 201);
        String fireId = fire.get("id").asText();
        assertThat(fire.get("major").asBoolean()).isTrue();
        assertThat(fire.hasNonNull("shiftId")).isFalse();
        assertThat(fire.get("waiting").asBoolean()).isTrue();
        assertThat(fire.get("dutyDay").asText()).isEqualTo(day.toString());
        JsonNode form = get(AUDITOR, "/api/incidents/" + fireId);
        assertThat(form.get("fire").get("fireLocation").asText()).isEqualTo("B1 仓库");
        assertThat(form.hasNonNull("shiftId")).isFalse();
        // published at once: broadcast-service airs the evacuation for it (B7)
        JsonNode published = new ObjectMapper().readTree(Topics.awaitRecord(DutylogTopics.EVENTS, fireId).value());
        assertThat(published.get("type").asText()).isEqualTo("IncidentReported");
        assertThat(published.get("data").hasNonNull("shiftId")).isFalse();

        // a page handed over, or one that does not exist: no reason to refuse the report either
        String leak = expect(post(DESK, "/api/incidents", Shifts.waterLeak("no-such-shift")), 201).get("id").asText();

        clock.advance(Duration.ofMinutes(20));
        String shift = expect(post(DESK, "/api/shifts", Shifts.open("front-desk")), 201).get("id").asText();
        JsonNode page = get(DESK, "/api/shifts/" + shift);
        assertThat(texts(page.get("entries"), "reference")).containsExactly("incident:" + fireId, "incident:" + leak);
        assertThat(page.get("entries").get(0).get("handling").asText()).contains("while no shift was open");
        assertThat(page.get("entries").get(0).get("occurredAt").asText()).isEqualTo(form.get("occurredAt").asText());

        JsonNode another = expect(post(DESK, "/api/incidents", Shifts.waterLeak("no-such-shift")), 201);
        assertThat(another.get("shiftId").asText()).isEqualTo(shift); // the shift on duty
        assertThat(another.get("waiting").asBoolean()).isFalse();

        resolve(fireId);
        resolve(leak);
        resolve(another.get("id").asText());
        handOver(shift);
    }

    @Test
    @Order(2)
    @DisplayName("D12 D5 after the manager signed the day, a fire that same day is recorded and published; it, a late "
            + "entry and a correction enter the day's addendum; the signed day's digest still verifies; the manager "
            + "signs the addendum, chained to the day's signature; the day's log prints with its signatures and digests")
    void fireOnASignedDay() throws Exception {
        LocalDate day = nextDay();
        String shift = expect(post(DESK, "/api/shifts", Shifts.open("signed-day-desk")), 201).get("id").asText();
        String s = "/api/shifts/" + shift;
        String water = expect(post(DESK, s + "/entries", Shifts.entry("WATER", minutesAgo(30), "3楼漏水")), 201)
                .get("id").asText();
        JsonNode signed = expect(post(MANAGER, "/api/duty-days/" + day + "/signature", null), 200);
        String digest = signed.get("signature").get("digest").asText();
        assertThat(signed.get("signature").get("entries").asInt()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        JsonNode fire = expect(post(DESK, "/api/incidents", Shifts.fire(shift)), 201);
        String fireId = fire.get("id").asText();
        assertThat(fire.get("addendum").asInt()).isEqualTo(1);
        assertThat(fire.get("shiftId").asText()).isEqualTo(shift);
        JsonNode published = new ObjectMapper().readTree(Topics.awaitRecord(DutylogTopics.EVENTS, fireId).value());
        assertThat(published.get("type").asText()).isEqualTo("IncidentReported");
        assertThat(published.get("data").get("fire").get("fireLocation").asText()).isEqualTo("B1 仓库");

        var late = post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(2), "补记 电梯停运"));
        JsonNode lateEntry = expect(late, 201);
        assertThat(lateEntry.get("addendum").asInt()).isEqualTo(1);
        assertThat(late.getHeaders().getLocation()).hasToString("/api/duty-days/" + day);
        JsonNode correction = expect(post(DESK, s + "/entries/" + water + "/corrections",
                Map.of("description", "4楼漏水 (不是3楼)")), 201);
        assertThat(correction.get("addendum").asInt()).isEqualTo(1);
        assertThat(correction.get("corrects").asText()).isEqualTo(water);

        JsonNode dutyDay = get(AUDITOR, "/api/duty-days/" + day);
        assertThat(dutyDay.get("intact").asBoolean()).isTrue();
        assertThat(dutyDay.get("signature").get("digest").asText()).isEqualTo(digest);
        assertThat(dutyDay.get("current").get("entries").asInt()).isEqualTo(1);
        JsonNode first = dutyDay.get("addenda").get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.hasNonNull("signature")).isFalse();
        assertThat(texts(first.get("entries"), "reference")).first().isEqualTo("incident:" + fireId);
        assertThat(texts(first.get("entries"), "corrects")).last().isEqualTo(water);
        JsonNode fireEntry = first.get("entries").get(0);
        assertThat(Instant.parse(fireEntry.get("recordedAt").asText()))
                .isAfter(Instant.parse(signed.get("signature").get("signedAt").asText()));
        JsonNode page = get(DESK, s);
        assertThat(page.get("entries")).hasSize(1);
        assertThat(texts(page.get("addenda"), "id")).containsExactly(fireEntry.get("id").asText(),
                lateEntry.get("id").asText(), correction.get("id").asText());

        JsonNode addendumSigned = expect(post(MANAGER, "/api/duty-days/" + day + "/signature", null), 200);
        JsonNode signature = addendumSigned.get("addenda").get(0).get("signature");
        assertThat(signature.get("previousDigest").asText()).isEqualTo(digest);
        assertThat(signature.get("entries").asInt()).isEqualTo(3);
        assertThat(signature.get("signedBy").asText()).isEqualTo("manager");
        assertThat(addendumSigned.get("addenda").get(0).get("intact").asBoolean()).isTrue();
        assertThat(addendumSigned.get("intact").asBoolean()).isTrue();
        assertThat(addendumSigned.get("signature").get("digest").asText()).isEqualTo(digest);

        // written after the addendum's signature: the next addendum, chained to it
        assertThat(expect(post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(1), "再补记")), 201)
                .get("addendum").asInt()).isEqualTo(2);
        JsonNode second = expect(post(MANAGER, "/api/duty-days/" + day + "/signature", null), 200).get("addenda");
        assertThat(second.get(1).get("signature").get("previousDigest").asText())
                .isEqualTo(signature.get("digest").asText());
        assertThat(texts(second, "intact")).containsExactly("true", "true");
        JsonNode nothing = expect(post(MANAGER, "/api/duty-days/" + day + "/signature", null), 409);
        assertThat(nothing.get("type").asText()).isEqualTo("urn:kefu:problem:day-sealed");
        assertThat(nothing.get("detail").asText()).contains("no addendum to sign");

        // D1 D5 D12 the day's log prints: its page with the day's entry, the signature with its digest, the addenda
        // each with its own digest chained to the one before; labels in Chinese and Russian
        var printed = api().get().uri("/api/duty-days/" + day + "/log").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(printed.getStatusCode().value()).isEqualTo(200);
        assertThat(printed.getBody()).contains("物业部值班日志", "Журнал дежурства", "signed-day-desk", "3楼漏水",
                "水患 / ", "客服经理签字", "manager", digest, "补充页", "补记 电梯停运", "4楼漏水 (不是3楼)", "再补记",
                signature.get("digest").asText(), second.get(1).get("signature").get("digest").asText(),
                "是 / да").doesNotContain("否 / ");

        resolve(fireId);
        String next = handOver(shift);
        // a page handed over takes no more entries (D8), signed day or not
        expect(post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(1), "x")), 409);

        // reported naming the page handed over, the day signed: the incident enters the addendum at once, from the
        // page that took it over (D15: the acceptance opened it)
        JsonNode leak = expect(post(DESK, "/api/incidents", new HashMap<>(Shifts.waterLeak(shift))), 201);
        assertThat(leak.get("addendum").asInt()).isEqualTo(3);
        assertThat(leak.get("shiftId").asText()).isEqualTo(next);
        assertThat(leak.get("waiting").asBoolean()).isFalse();
        resolve(leak.get("id").asText());
        JsonNode after = get(AUDITOR, "/api/duty-days/" + day);
        assertThat(after.get("intact").asBoolean()).isTrue();
        assertThat(texts(after.get("addenda").get(2).get("entries"), "reference"))
                .containsExactly("incident:" + leak.get("id").asText());
        List<String> history = texts(get(AUDITOR, "/api/duty-days/" + day + "/history"), "type");
        assertThat(history).contains("DutyDaySigned", "AddendumEntryRecorded", "AddendumSigned", "IncidentReported");
    }

    private String incidentForm(String incident) {
        var page = api().get().uri(incident + "/incident-form").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        return page.getBody();
    }

    private int incidentFormStatus(String incident) {
        return api().get().uri(incident + "/incident-form").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().onStatus(status -> true, (request, response) -> { })
                .toEntity(String.class).getStatusCode().value();
    }

    @Test
    @Order(3)
    @DisplayName("D13 the fire form follows 篇2 T1: reporter, position and heading, the fire's place and what burns, and "
            + "a checklist whose steps are ticked with who and when, or marked not needed with a reason; the fire is "
            + "resolved only when no step is open; its emergency incident form prints in Chinese and Russian with the "
            + "photo itself (D4 D15)")
    void fireChecklist() {
        nextDay();
        String shift = expect(post(DESK, "/api/shifts", Shifts.open("fire-form")), 201).get("id").asText();
        String fireId = expect(post(DESK, "/api/incidents", Shifts.fire(shift)), 201).get("id").asText();
        String i = "/api/incidents/" + fireId;

        JsonNode form = get(Tokens.bearer("supervisor", "SUPERVISOR"), i);
        assertThat(form.get("fire").get("fireLocation").asText()).isEqualTo("B1 仓库");
        assertThat(form.get("fire").get("burning").asText()).isEqualTo("纸箱 / картон");
        JsonNode checklist = form.get("fireChecklist");
        assertThat(checklist.get("reporter").asText()).isEqualTo("保安 李明");
        assertThat(checklist.get("position").asText()).isEqualTo("B1 楼梯口");
        assertThat(checklist.get("heading").asText()).isEqualTo("去一楼大堂引导疏散");
        assertThat(texts(checklist.get("steps"), "step")).containsExactlyElementsOf(Shifts.FIRE_STEPS);
        assertThat(texts(checklist.get("steps"), "status")).containsOnly("OPEN");
        assertThat(checklist.get("open")).hasSize(5);

        clock.advance(Duration.ofMinutes(1));
        JsonNode called = expect(post(DESK, i + "/fire-steps/FIRE_BRIGADE_CALLED", Map.of("note", "119 已接警")), 200);
        JsonNode step = called.get("fireChecklist").get("steps").get(2);
        assertThat(step.get("status").asText()).isEqualTo("DONE");
        assertThat(step.get("by").asText()).isEqualTo("desk");
        assertThat(Instant.parse(step.get("at").asText())).isEqualTo(clock.instant());
        assertThat(step.get("note").asText()).isEqualTo("119 已接警");
        JsonNode again = expect(post(DESK, i + "/fire-steps/FIRE_BRIGADE_CALLED", null), 409);
        assertThat(again.get("type").asText()).isEqualTo("urn:kefu:problem:fire-step-recorded");

        expect(post(DESK, i + "/fire-steps/EXTINGUISHER_USED/not-needed", Map.of("reason", " ")), 400);
        JsonNode marked = expect(post(DESK, i + "/fire-steps/EXTINGUISHER_USED/not-needed",
                Map.of("reason", "喷淋已将火扑灭")), 200);
        assertThat(marked.get("fireChecklist").get("steps").get(3).get("status").asText()).isEqualTo("NOT_NEEDED");
        assertThat(marked.get("fireChecklist").get("steps").get(3).get("reason").asText()).isEqualTo("喷淋已将火扑灭");
        List<String> open = new ArrayList<>();
        marked.get("fireChecklist").get("open").forEach(node -> open.add(node.asText()));
        assertThat(open).containsExactly("SENIOR_ON_DUTY_TOLD", "SECURITY_CONTROL_ROOM_TOLD", "EVACUATION_GUIDED");
        expect(post(DESK, i + "/fire-steps/NO_SUCH_STEP", null), 400);
        expect(post(AUDITOR, i + "/fire-steps/SENIOR_ON_DUTY_TOLD", null), 403);

        resolve(fireId); // a photo, the steps still open, the outcome
        JsonNode resolved = get(AUDITOR, i);
        assertThat(resolved.get("resolved").asBoolean()).isTrue();

        // D4 D15 the emergency incident form prints with its labels in Chinese and Russian and the photo itself
        String printed = incidentForm(i);
        assertThat(printed).contains("紧急情况处理登记表", "火情 / Пожар", "B1 仓库", "纸箱 / картон", "保安 李明",
                "拨打消防中心报警电话 119", "119 已接警", "喷淋已将火扑灭", "无需执行", "现场照片", "已处理完毕", "已处理",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(Shifts.PNG),
                resolved.get("photos").get(0).get("sha256").asText());
        assertThat(incidentFormStatus("/api/incidents/no-such-incident")).isEqualTo(404);
        expect(post(DESK, i + "/fire-steps/EVACUATION_GUIDED", null), 409);
        handOver(shift);
    }

    @Test
    @Order(4)
    @DisplayName("D14 a guest taken ill is reported with a notice to the CS manager and the CS head, published at once; "
            + "each acknowledges it and the incident shows who was told and when; the desk does not acknowledge, an "
            + "incident of no kind has no notice")
    void guestTakenIll() throws Exception {
        nextDay();
        String shift = expect(post(DESK, "/api/shifts", Shifts.open("guest-care")), 201).get("id").asText();
        JsonNode reported = expect(post(DESK, "/api/incidents", Shifts.guestTakenIll(shift)), 201);
        String id = reported.get("id").asText();
        String i = "/api/incidents/" + id;
        JsonNode form = get(AUDITOR, i);
        assertThat(form.get("kind").asText()).isEqualTo("GUEST_ILL");
        assertThat(form.get("category").asText()).as("a guest taken ill is a matter for management (篇3 C)")
                .isEqualTo("OTHER");
        assertThat(Instant.parse(form.get("notice").get("sentAt").asText())).isEqualTo(clock.instant());
        assertThat(texts(form.get("notice").get("told"), "role")).containsExactly("CS_MANAGER", "CS_HEAD");
        assertThat(form.get("notice").get("waiting").toString()).isEqualTo("[\"CS_MANAGER\",\"CS_HEAD\"]");
        JsonNode page = get(DESK, "/api/shifts/" + shift);
        assertThat(page.get("entries").get(0).get("description").asText()).startsWith("紧急情况 / ЧП: 客人发病");

        // published at once beside IncidentReported (version 1, unchanged) for the gateway's notice stream
        List<JsonNode> published = new ArrayList<>();
        for (var record : Topics.awaitRecords(DutylogTopics.EVENTS, id)) {
            published.add(new ObjectMapper().readTree(record.value()));
        }
        assertThat(published).extracting(event -> event.get("type").asText())
                .containsExactly("IncidentReported", "IncidentNoticeSent");
        JsonNode notice = published.get(1);
        assertThat(notice.get("version").asInt()).isEqualTo(1);
        assertThat(notice.get("data").get("kind").asText()).isEqualTo("GUEST_ILL");
        assertThat(notice.get("data").get("roles").toString()).isEqualTo("[\"CS_MANAGER\",\"CS_HEAD\"]");
        assertThat(published.get(0).get("data").get("category").asText()).isEqualTo("OTHER");

        expect(post(DESK, i + "/notice/acknowledgement", null), 403);
        clock.advance(Duration.ofMinutes(2));
        JsonNode managerTold = expect(post(MANAGER, i + "/notice/acknowledgement", null), 200);
        JsonNode told = managerTold.get("notice").get("told").get(0);
        assertThat(told.get("by").asText()).isEqualTo("manager");
        assertThat(Instant.parse(told.get("at").asText())).isEqualTo(clock.instant());
        assertThat(managerTold.get("notice").get("waiting").toString()).isEqualTo("[\"CS_HEAD\"]");
        JsonNode again = expect(post(MANAGER, i + "/notice/acknowledgement", null), 409);
        assertThat(again.get("type").asText()).isEqualTo("urn:kefu:problem:notice-acknowledged");
        clock.advance(Duration.ofMinutes(1));
        JsonNode headTold = expect(post(HEAD, i + "/notice/acknowledgement", null), 200);
        assertThat(headTold.get("notice").get("told").get(1).get("by").asText()).isEqualTo("head");
        assertThat(headTold.get("notice").get("waiting")).isEmpty();
        assertThat(texts(get(AUDITOR, i + "/history"), "type")).containsExactly("IncidentReported",
                "IncidentNoticeSent", "IncidentNoticeAcknowledged", "IncidentNoticeAcknowledged");
        assertThat(incidentForm(i)).contains("客人发病 / ", "客服经理 / Менеджер службы клиентов", "manager", "head",
                "未处理完毕", "尚无照片").doesNotContain("data:image");

        // a guest who slipped on a leak: WATER, and an accident to a guest
        Map<String, Object> slipped = new HashMap<>(Shifts.waterLeak(shift));
        slipped.put("kind", "GUEST_ACCIDENT");
        JsonNode accident = get(AUDITOR, "/api/incidents/"
                + expect(post(DESK, "/api/incidents", slipped), 201).get("id").asText());
        assertThat(accident.get("category").asText()).isEqualTo("WATER");
        assertThat(accident.get("kind").asText()).isEqualTo("GUEST_ACCIDENT");
        Map<String, Object> neither = new HashMap<>(Shifts.guestTakenIll(shift));
        neither.remove("kind");
        assertThat(expect(post(DESK, "/api/incidents", neither), 400).get("detail").asText()).contains("category");
        neither.put("kind", "GUEST_ASLEEP");
        expect(post(DESK, "/api/incidents", neither), 400);
        String leak = expect(post(DESK, "/api/incidents", Shifts.waterLeak(shift)), 201).get("id").asText();
        JsonNode none = expect(post(MANAGER, "/api/incidents/" + leak + "/notice/acknowledgement", null), 409);
        assertThat(none.get("type").asText()).isEqualTo("urn:kefu:problem:no-notice");
        resolve(id);
        resolve(accident.get("id").asText());
        resolve(leak);
    }
}
