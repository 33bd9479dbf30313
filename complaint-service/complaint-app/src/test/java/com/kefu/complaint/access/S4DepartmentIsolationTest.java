package com.kefu.complaint.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.Http;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S4 object level: 60 complaints assigned across four departments (a third of them resolved, one reassigned), and
 * a few never assigned. A DEPARTMENT user sees and acts on their own department's only: in every page and filter of
 * the list, by id, as of a past instant, in every workflow step; the rest of the complaint API refuses them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S4DepartmentIsolationTest extends ServiceTest {

    private static final List<String> DEPARTMENTS = List.of("security", "engineering", "cleaning", "leasing");
    private static final int COMPLAINTS = 60;
    private static final List<String> STATUSES =
            List.of("RECEIVED", "ESCALATED", "ASSIGNED", "RESOLVED", "FOLLOWED_UP", "ARCHIVED");

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MutableClock clock;
    private Http http;

    /** Complaint id → its department ({@code null}: never assigned), and its status, as the test made them. */
    private final Map<String, String> departmentOf = new LinkedHashMap<>();
    private final Map<String, String> statusOf = new HashMap<>();
    private String reassigned;

    @BeforeAll
    void complaintsAcrossDepartments() throws Exception {
        http = new Http(port);
        ExecutorService desks = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> made = new ArrayList<>();
            for (int i = 0; i < COMPLAINTS; i++) {
                String department = DEPARTMENTS.get(i % DEPARTMENTS.size());
                boolean resolve = i % 3 == 0;
                made.add(desks.submit(() -> assigned(department, resolve)));
            }
            for (int i = 0; i < 4; i++) {
                made.add(desks.submit(() -> new String[] {register(), null, "RECEIVED"}));
            }
            for (Future<String[]> complaint : made) {
                String[] c = complaint.get();
                departmentOf.put(c[0], c[1]);
                statusOf.put(c[0], c[2]);
            }
        } finally {
            desks.shutdown();
        }
        reassigned = departmentOf.entrySet().stream()
                .filter(e -> "security".equals(e.getValue()) && "ASSIGNED".equals(statusOf.get(e.getKey())))
                .findFirst().orElseThrow().getKey();
        expect(200, post(AFTER_SALES, "/api/complaints/" + reassigned + "/assign",
                Map.of("department", "engineering")));
        departmentOf.put(reassigned, "engineering");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> seen = new HashMap<>();
            for (JsonNode item : all(HEAD, "")) {
                seen.put(item.get("id").asText(),
                        item.path("department").asText(null) + "/" + item.get("status").asText());
            }
            departmentOf.forEach((id, department) ->
                    assertThat(seen.get(id)).as(id).isEqualTo(department + "/" + statusOf.get(id)));
        });
    }

    @Test
    @DisplayName("S4 a DEPARTMENT user's list holds only their department's complaints: every page, every filter, "
            + "also when asking for another department")
    void listsHoldOnlyTheirOwn() {
        LocalDate today = clock.today();
        List<String> ranges = List.of("", "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                "&from=2000-01-01&to=2000-01-31");
        List<String> asked = new ArrayList<>(DEPARTMENTS);
        asked.add(null);
        asked.add("finance");
        int calls = 0;
        for (String department : DEPARTMENTS) {
            String token = Tokens.departmentBearer(department + "-user", department);
            Set<String> own = ids(department, null);
            assertThat(own).hasSizeBetween(14, 16);

            // every page, small pages
            List<String> paged = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = get(token, "/api/complaints?size=4&page=" + page).body();
                calls++;
                assertThat(body.get("total").asLong()).isEqualTo(own.size());
                if (body.get("items").isEmpty()) {
                    break;
                }
                body.get("items").forEach(item -> paged.add(item.get("id").asText()));
            }
            assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(own);

            // every filter, also another department's name
            for (String status : withNull(STATUSES)) {
                for (String other : asked) {
                    for (String range : ranges) {
                        String query = "?size=100" + (status == null ? "" : "&status=" + status)
                                + (other == null ? "" : "&department=" + other) + range;
                        List<JsonNode> items = all(token, query);
                        calls++;
                        Set<String> seen = items.stream().map(i -> i.get("id").asText()).collect(Collectors.toSet());
                        assertThat(items).as(department + " asking " + query)
                                .allSatisfy(item -> assertThat(item.path("department").asText()).isEqualTo(department));
                        Set<String> expected = range.contains("2000-") ? Set.of() : ids(department, status);
                        assertThat(seen).as(department + " asking " + query).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(400);
    }

    @Test
    @DisplayName("S4 another department's complaint does not exist for a DEPARTMENT user: by id, as of now, and for "
            + "acknowledge, progress and resolve (404), and nothing changes")
    void othersComplaintsDoNotExist() {
        Map<String, String> before = snapshot();
        String asOf = clock.instant().toString();
        for (String department : List.of("security", "cleaning")) {
            String token = Tokens.departmentBearer(department + "-user", department);
            for (Map.Entry<String, String> complaint : departmentOf.entrySet()) {
                String c = "/api/complaints/" + complaint.getKey();
                if (department.equals(complaint.getValue())) {
                    assertThat(get(token, c).status()).isEqualTo(200);
                    continue;
                }
                expect(404, get(token, c));
                expect(404, get(token, c + "?asOf=" + asOf));
                expect(404, post(token, c + "/acknowledge", Map.of("note", "not ours")));
                expect(404, post(token, c + "/progress", Map.of("note", "not ours")));
                expect(404, post(token, c + "/resolve", Map.of("result", "not ours")));
            }
        }
        // the complaint taken away from security is no longer security's in any way
        String security = Tokens.departmentBearer("security-user", "security");
        expect(404, post(security, "/api/complaints/" + reassigned + "/acknowledge", Map.of()));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("S4 a DEPARTMENT user gets 403 on history, reports, exports, forms, contact and every step that is "
            + "not theirs")
    void everythingElseIsRefused() {
        String token = Tokens.departmentBearer("security-user", "security");
        String own = ids("security", null).iterator().next();
        String other = ids("engineering", null).iterator().next();
        String period = YearMonth.from(clock.today()).toString();
        String json = "application/json";
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        List<String[]> refused = new ArrayList<>();
        for (String id : List.of(own, other)) {
            String c = "/api/complaints/" + id;
            refused.add(new String[] {"GET", c + "/history", json});
            refused.add(new String[] {"GET", c + "/form", json});
            refused.add(new String[] {"GET", c + "/form", "text/html"});
            refused.add(new String[] {"GET", c + "/contact?reason=callback", json});
            for (String step : List.of("escalate", "assign", "follow-up", "archive", "ruling", "erasure")) {
                refused.add(new String[] {"POST", c + "/" + step, json});
            }
        }
        String report = "/api/reports/complaints?period=" + period;
        refused.add(new String[] {"GET", report, json});
        refused.add(new String[] {"GET", report, "text/csv"});
        refused.add(new String[] {"GET", report, xlsx});
        refused.add(new String[] {"GET", report + "&format=csv", json});
        refused.add(new String[] {"GET", report + "&format=xlsx", json});
        refused.add(new String[] {"GET", "/api/reports/complaints/proposals?period=" + period, json});
        refused.add(new String[] {"POST", "/api/reports/complaints/proposals", json});
        refused.add(new String[] {"GET", "/api/complaints/contact-reads", json});
        refused.add(new String[] {"GET", "/api/complaints/missed-deadlines", json});
        refused.add(new String[] {"POST", "/api/complaints", json});
        refused.add(new String[] {"GET", "/api/enquiries", json});
        refused.add(new String[] {"PUT", "/api/departments/security", json});
        for (String[] call : refused) {
            Http.Request request = Http.request(call[0], call[1]).bearer(token).header("Accept", call[2]);
            if (!call[0].equals("GET")) {
                request.json("{\"department\":\"security\",\"reason\":\"x\",\"ruling\":\"x\"}");
            }
            Http.Response response = http.send(request);
            String what = String.join(" ", call) + ": " + response;
            assertThat(response.status()).as(what).isEqualTo(403);
            assertThat(response.isProblem()).as(what).isTrue();
            // the phone whole and masked (its first digits alone, "138", may stand in the request's path: a random id)
            assertThat(response.body()).as(what).doesNotContain("KF-", "王芳", "13812345678", "138****", "isolation");
        }
    }

    @Test
    @DisplayName("S4 a DEPARTMENT token that names no department is refused (403): it would otherwise see and act "
            + "on every department's complaints")
    void departmentTokenWithoutDepartment() {
        String nobody = Tokens.bearer("nobody", "DEPARTMENT");
        String other = ids("engineering", "ASSIGNED").iterator().next();
        for (JsonResponse response : List.of(get(nobody, "/api/complaints?size=100"),
                get(nobody, "/api/complaints/" + other),
                post(nobody, "/api/complaints/" + other + "/acknowledge", Map.of()))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
        }
    }

    private String[] assigned(String department, boolean resolve) {
        String id = register();
        String c = "/api/complaints/" + id;
        expect(200, post(AFTER_SALES, c + "/assign", Map.of("department", department)));
        if (!resolve) {
            return new String[] {id, department, "ASSIGNED"};
        }
        String token = Tokens.departmentBearer(department + "-user", department);
        expect(200, post(token, c + "/acknowledge", Map.of("note", "收到")));
        expect(200, post(token, c + "/resolve", Map.of("result", "已处理")));
        return new String[] {id, department, "RESOLVED"};
    }

    private String register() {
        JsonResponse created = post(DESK, "/api/complaints", Complaints.phoneCall("S4 isolation"));
        expect(201, created);
        return created.body().get("id").asText();
    }

    /** The test's own complaints of a department, in a status ({@code null}: any). */
    private Set<String> ids(String department, String status) {
        return departmentOf.entrySet().stream()
                .filter(e -> department.equals(e.getValue()))
                .filter(e -> status == null || status.equals(statusOf.get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every complaint as the head sees it: id → department/status/acknowledged. */
    private Map<String, String> snapshot() {
        Map<String, String> states = new HashMap<>();
        for (JsonNode item : all(HEAD, "")) {
            states.put(item.get("id").asText(), item.path("department").asText("") + "/" + item.get("status").asText()
                    + "/" + item.get("acknowledged").asBoolean() + "/" + item.path("result").asText(""));
        }
        return states;
    }

    /** Every page of a list. */
    private List<JsonNode> all(String token, String query) {
        List<JsonNode> items = new ArrayList<>();
        String base = "/api/complaints" + (query.isEmpty() ? "?size=100" : query);
        for (int page = 0; ; page++) {
            JsonResponse response = get(token, base + "&page=" + page);
            expect(200, response);
            JsonNode body = response.body();
            body.get("items").forEach(items::add);
            if (body.get("items").size() < body.get("size").asInt()) {
                return items;
            }
        }
    }

    private static <T> List<T> withNull(List<T> values) {
        List<T> all = new ArrayList<>();
        all.add(null);
        all.addAll(values);
        return all;
    }

    private record JsonResponse(Http.Response response, JsonNode body) {

        int status() {
            return response.status();
        }

        boolean isProblem() {
            return response.isProblem();
        }

        @Override
        public String toString() {
            return response.toString();
        }
    }

    private JsonResponse get(String token, String path) {
        return read(http.send(Http.request("GET", path).bearer(token).header("Accept", "application/json")));
    }

    private JsonResponse post(String token, String path, Object body) {
        try {
            return read(http.send(Http.request("POST", path).bearer(token).header("Accept", "application/json")
                    .json(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonResponse read(Http.Response response) {
        try {
            return new JsonResponse(response, response.body().isEmpty() ? null : json.readTree(response.body()));
        } catch (IOException e) {
            return new JsonResponse(response, null);
        }
    }

    private static void expect(int status, JsonResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
