package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's keeping for others over HTTP against real PostgreSQL and Kafka: customers' mail and parcels (D17) and
 * visitors (D18). Every read follows its write at once, with no wait (the views are kept in the command's
 * transaction); every time comes from the service's clock, which the test holds still.
 */
class MailAndVisitorsApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String EVENING = Tokens.bearer("evening", "FRONT_DESK");
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String SECURITY_DEPT = Tokens.departmentBearer("security", "security");

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void stillClock() {
        clock.stop();
    }


    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        return call(HttpMethod.POST, token, path, body);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return call(HttpMethod.GET, token, path, null);
    }


    /** A 409 whose problem names the rule that refused it. */
    private static JsonNode refused(ResponseEntity<JsonNode> response, String rule) {
        JsonNode problem = expect(response, 409);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(problem.get("type").asText()).endsWith(rule);
        return problem;
    }

    /** A 400 problem naming {@code field}. */
    private static void invalid(ResponseEntity<JsonNode> response, String field) {
        JsonNode problem = expect(response, 400);
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    private static String tenant() {
        return "A-" + UUID.randomUUID().toString().substring(0, 6) + " 莫斯科皮草";
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsText("id");
    }

    /** The parcels the held list shows for one tenant (empty when the tenant holds nothing). */
    private JsonNode heldFor(String token, String tenant) {
        JsonNode held = expect(get(token, "/api/parcels/held?tenant=" + tenant), 200);
        assertThat(held.size()).isLessThanOrEqualTo(1);
        return held.isEmpty() ? held : held.get(0).get("parcels");
    }

    private List<String> storedPayloads(String aggregateId) {
        return jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, aggregateId).stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    @Test
    @DisplayName("D17 a parcel is received for a tenant and stored, moved, handed over once against a signature for "
            + "its own tenant, never opened; each step with who and when in its chain of custody; held per tenant")
    void parcelChainOfCustody() {
        String tenant = tenant();
        Instant received = clock.instant();
        var created = post(DESK, "/api/parcels", Shifts.parcel(tenant));
        JsonNode parcel = expect(created, 201);
        String id = parcel.get("id").asText();
        String path = "/api/parcels/" + id;
        assertThat(created.getHeaders().getLocation()).hasToString(path);
        assertThat(parcel.get("tenant").asText()).isEqualTo(tenant);
        assertThat(parcel.get("custody").asText()).isEqualTo("HELD");
        assertThat(parcel.get("opened").asBoolean()).isFalse();
        assertThat(parcel.get("sealedNote").asText()).contains("outside only").contains("never opens");
        JsonNode chain = parcel.get("chainOfCustody");
        assertThat(chain.findValuesAsText("step")).containsExactly("RECEIVED", "STORED");
        assertThat(chain.get(0).get("by").asText()).isEqualTo("中通 快递员 李");
        assertThat(chain.get(0).get("to").asText()).isEqualTo("desk");
        assertThat(chain.get(1).get("where").asText()).isEqualTo("前台 寄存柜 2");
        assertThat(chain.get(1).get("by").asText()).isEqualTo("desk");
        chain.forEach(step -> assertThat(Instant.parse(step.get("at").asText())).isEqualTo(received));

        JsonNode held = heldFor(MANAGER, tenant);
        assertThat(ids(held)).containsExactly(id);
        assertThat(held.get(0).get("storedAt").asText()).isEqualTo("前台 寄存柜 2");

        clock.advance(Duration.ofMinutes(30));
        JsonNode moved = expect(post(EVENING, path + "/storage", Map.of("storedAt", "客服部 库房")), 200);
        assertThat(moved.get("storedAt").asText()).isEqualTo("客服部 库房");
        JsonNode move = moved.get("chainOfCustody").get(2);
        assertThat(move.get("step").asText()).isEqualTo("STORED");
        assertThat(move.get("by").asText()).isEqualTo("evening");
        assertThat(Instant.parse(move.get("at").asText())).isEqualTo(clock.instant());
        assertThat(heldFor(SUPERVISOR, tenant).get(0).get("storedAt").asText()).isEqualTo("客服部 库房");

        refused(post(EVENING, path + "/handover", Shifts.collection("B-105 茶叶店", "店员 王")),
                "parcel-other-tenant");
        assertThat(ids(heldFor(AUDITOR, tenant))).containsExactly(id);

        clock.advance(Duration.ofHours(2));
        String collector = "店员 Ольга " + UUID.randomUUID().toString().substring(0, 6);
        JsonNode handedOver = expect(post(EVENING, path + "/handover", Shifts.collection(tenant, collector)), 200);
        assertThat(handedOver.get("custody").asText()).isEqualTo("HANDED_OVER");
        JsonNode last = handedOver.get("chainOfCustody").get(3);
        assertThat(last.get("step").asText()).isEqualTo("HANDED_OVER");
        assertThat(last.get("by").asText()).isEqualTo("evening");
        assertThat(last.get("to").asText()).isEqualTo(Masking.name(collector));
        assertThat(last.get("note").asText()).contains(tenant).contains(Masking.document("签名 / подпись, 工牌 A-301-2"))
                .doesNotContain("工牌 A-301-2");
        assertThat(Instant.parse(last.get("at").asText())).isEqualTo(clock.instant());
        assertThat(heldFor(HEAD, tenant)).isEmpty();

        refused(post(DESK, path + "/handover", Shifts.collection(tenant, collector)), "parcel-handed-over");
        refused(post(DESK, path + "/storage", Map.of("storedAt", "前台")), "parcel-handed-over");
        assertThat(expect(get(AUDITOR, path), 200).get("chainOfCustody")).hasSize(4);
        assertThat(expect(get(SUPERVISOR, path + "/history"), 200).findValuesAsText("type"))
                .containsExactly("ParcelReceived", "ParcelStored", "ParcelStored", "ParcelHandedOver");

        // the collector and the signature note are personal data: encrypted in the event store
        assertThat(storedPayloads(id)).hasSize(4).noneMatch(payload -> payload.contains(collector))
                .noneMatch(payload -> payload.contains("工牌 A-301-2"));

        expect(post(SUPERVISOR, "/api/parcels", Shifts.parcel(tenant)), 403);
        expect(get(SECURITY_DEPT, path), 403);
    }

    @Test
    @DisplayName("D17 what is still held, per tenant: each tenant with its own parcels, one tenant when named")
    void heldPerTenant() {
        String first = tenant();
        String second = tenant();
        String a1 = expect(post(DESK, "/api/parcels", Shifts.parcel(first)), 201).get("id").asText();
        String b1 = expect(post(DESK, "/api/parcels", Shifts.parcel(second)), 201).get("id").asText();
        clock.advance(Duration.ofMinutes(1));
        String a2 = expect(post(DESK, "/api/parcels", Shifts.parcel(first)), 201).get("id").asText();

        JsonNode all = expect(get(MANAGER, "/api/parcels/held"), 200);
        Map<String, List<String>> byTenant = new HashMap<>();
        all.forEach(held -> byTenant.put(held.get("tenant").asText(), ids(held.get("parcels"))));
        assertThat(byTenant.get(first)).containsExactly(a1, a2);
        assertThat(byTenant.get(second)).containsExactly(b1);
        assertThat(ids(heldFor(MANAGER, first))).containsExactly(a1, a2);

        expect(post(DESK, "/api/parcels/" + a1 + "/handover", Shifts.collection(first, "店员 王")), 200);
        assertThat(ids(heldFor(MANAGER, first))).containsExactly(a2);
        assertThat(ids(heldFor(MANAGER, second))).containsExactly(b1);
    }

    @Test
    @DisplayName("D17 bad input is a 400 problem naming the field; an unknown parcel is 404")
    void parcelBadInput() {
        Map<String, Object> noTenant = new HashMap<>(Shifts.parcel("x"));
        noTenant.remove("tenant");
        invalid(post(DESK, "/api/parcels", noTenant), "tenant");
        Map<String, Object> noOutside = new HashMap<>(Shifts.parcel("x"));
        noOutside.put("outside", " ");
        invalid(post(DESK, "/api/parcels", noOutside), "outside");
        Map<String, Object> badKind = new HashMap<>(Shifts.parcel("x"));
        badKind.put("kind", "BOX_OPENED");
        assertThat(expect(post(DESK, "/api/parcels", badKind), 400).get("detail").asText()).contains("kind");

        String tenant = tenant();
        String id = expect(post(DESK, "/api/parcels", Shifts.parcel(tenant)), 201).get("id").asText();
        invalid(post(DESK, "/api/parcels/" + id + "/handover", Map.of("tenant", tenant, "collectedBy", "王")),
                "signature");
        invalid(post(DESK, "/api/parcels/" + id + "/storage", Map.of()), "storedAt");
        assertThat(ids(heldFor(MANAGER, tenant))).containsExactly(id);
        expect(get(MANAGER, "/api/parcels/" + UUID.randomUUID()), 404);
        expect(post(DESK, "/api/parcels/" + UUID.randomUUID() + "/handover", Shifts.collection(tenant, "王")), 404);
    }

    @Test
    @DisplayName("D18 a visitor is logged in and out: who (encrypted, masked in the list), to see whom, the badge "
            + "given and returned, who and when; leaving twice and a badge already out are refused")
    void visitorInAndOut() {
        String name = "Петров Иван " + UUID.randomUUID().toString().substring(0, 6);
        String badge = "V-" + UUID.randomUUID().toString().substring(0, 6);
        Instant in = clock.instant();
        var created = post(DESK, "/api/visitors", Shifts.visitor(name, badge));
        JsonNode visit = expect(created, 201);
        String id = visit.get("id").asText();
        String path = "/api/visitors/" + id;
        assertThat(created.getHeaders().getLocation()).hasToString(path);
        assertThat(visit.get("name").asText()).isEqualTo(Masking.name(name));
        assertThat(visit.get("visiting").asText()).isEqualTo("写字楼 1205 贸易公司");
        assertThat(visit.get("badge").asText()).isEqualTo(badge);
        assertThat(visit.get("signedInBy").asText()).isEqualTo("desk");
        assertThat(Instant.parse(visit.get("arrivedAt").asText())).isEqualTo(in);
        assertThat(visit.get("inBuilding").asBoolean()).isTrue();

        JsonNode inBuilding = expect(get(SUPERVISOR, "/api/visitors/in-building"), 200);
        JsonNode listed = null;
        for (JsonNode v : inBuilding) {
            if (v.get("id").asText().equals(id)) {
                listed = v;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("maskedName").asText()).isEqualTo(Masking.name(name)).isNotEqualTo(name);
        assertThat(inBuilding.toString()).doesNotContain(name);

        // the badge is out: nobody else gets it, and the refused visitor is not in the building
        String other = "王芳 " + UUID.randomUUID().toString().substring(0, 6);
        refused(post(DESK, "/api/visitors", Shifts.visitor(other, badge)), "badge-out");
        List<String> present = ids(expect(get(MANAGER, "/api/visitors/in-building"), 200));
        assertThat(present).contains(id).hasSize(inBuilding.size());

        clock.advance(Duration.ofMinutes(45));
        JsonNode left = expect(post(EVENING, path + "/departure", null), 200);
        assertThat(left.get("inBuilding").asBoolean()).isFalse();
        assertThat(left.get("badgeReturned").asBoolean()).isTrue();
        assertThat(left.get("signedOutBy").asText()).isEqualTo("evening");
        assertThat(Instant.parse(left.get("leftAt").asText())).isEqualTo(clock.instant());
        assertThat(ids(expect(get(HEAD, "/api/visitors/in-building"), 200))).doesNotContain(id);
        refused(post(DESK, path + "/departure", null), "visitor-left");

        // returned, the badge goes out again
        String next = expect(post(DESK, "/api/visitors", Shifts.visitor(other, badge)), 201).get("id").asText();
        assertThat(ids(expect(get(AUDITOR, "/api/visitors/in-building"), 200))).contains(next).doesNotContain(id);
        assertThat(expect(get(AUDITOR, path + "/history"), 200).findValuesAsText("type"))
                .containsExactly("VisitorArrived", "VisitorLeft");

        // the name is personal data: encrypted in the event store
        assertThat(storedPayloads(id)).hasSize(2).noneMatch(payload -> payload.contains(name));

        expect(post(SUPERVISOR, "/api/visitors", Shifts.visitor(other, "V-X")), 403);
        expect(post(AUDITOR, "/api/visitors/" + next + "/departure", null), 403);
        expect(get(SECURITY_DEPT, "/api/visitors/in-building"), 403);
    }

    @Test
    @DisplayName("D18 bad input is a 400 problem naming the field; an unknown visit is 404")
    void visitorBadInput() {
        List<String> before = new ArrayList<>(ids(expect(get(MANAGER, "/api/visitors/in-building"), 200)));
        invalid(post(DESK, "/api/visitors", Map.of("visiting", "1205", "badge", "V-1")), "name");
        invalid(post(DESK, "/api/visitors", Map.of("name", "王", "badge", "V-1")), "visiting");
        invalid(post(DESK, "/api/visitors", Map.of("name", "王", "visiting", "1205", "badge", "V 1; drop")), "badge");
        assertThat(ids(expect(get(MANAGER, "/api/visitors/in-building"), 200))).isEqualTo(before);
        expect(get(MANAGER, "/api/visitors/" + UUID.randomUUID()), 404);
        expect(post(DESK, "/api/visitors/" + UUID.randomUUID() + "/departure", null), 404);
    }

    @Test
    @DisplayName("S3 D18 a visitor's name erased on request reads as erased in the visit, its history and the list of "
            + "those in the building; only CS_HEAD (or ADMIN) erases")
    void visitorErasedOnRequest() {
        String name = "王芳 " + UUID.randomUUID().toString().substring(0, 6);
        String id = expect(post(DESK, "/api/visitors", Shifts.visitor(name, "E-" + UUID.randomUUID()
                .toString().substring(0, 6))), 201).get("id").asText();
        String path = "/api/visitors/" + id;
        expect(post(DESK, path + "/erasure", Map.of("reason", "本人要求")), 403);
        invalid(post(HEAD, path + "/erasure", Map.of()), "reason");
        assertThat(expect(get(AUDITOR, path), 200).get("name").asText()).isEqualTo(Masking.name(name));

        JsonNode erased = expect(post(HEAD, path + "/erasure", Map.of("reason", "本人要求")), 200);
        assertThat(erased.get("name").asText()).isEqualTo(Masking.ERASED);
        assertThat(erased.get("inBuilding").asBoolean()).isTrue();
        JsonNode listed = null;
        for (JsonNode v : expect(get(MANAGER, "/api/visitors/in-building"), 200)) {
            if (v.get("id").asText().equals(id)) {
                listed = v;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("maskedName").asText()).isEqualTo(Masking.ERASED);
        assertThat(expect(get(AUDITOR, path + "/history"), 200).toString()).doesNotContain(name);
        expect(post(DESK, path + "/departure", null), 200);
    }
}
