package com.kefu.complaint.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 1: {@code GET /api/search} of complaints and enquiries on the real service — Chinese, Russian and
 * Latin words, phone numbers in any format and full names through their keyed hashes only, paging, each role and
 * department finding what it may read, an erasure forgetting the person, and the 400s.
 */
class SearchApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final String SECURITY = Tokens.departmentBearer("guard", "security");
    private static final String ENGINEERING = Tokens.departmentBearer("engineer", "engineering");

    @Autowired
    JdbcTemplate jdbc;

    /** Chinese characters no other test writes, so that what is found here is this test's. */
    private static String chinese(int length) {
        StringBuilder text = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(0x4E00, 0x9FA5));
        }
        return text.toString();
    }

    private static String russian(int length) {
        StringBuilder text = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt('а', 'я' + 1));
        }
        return text.toString();
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private String complaint(String subject, String description, String name, String phone) {
        Map<String, Object> body = new HashMap<>(Complaints.phoneCall(subject));
        body.put("description", description);
        body.put("customer", Map.of("name", name, "phone", phone));
        return expect(call(HttpMethod.POST, DESK, "/api/complaints", body), 201).get("id").asText();
    }

    private JsonNode search(String token, String kind, String q, Object... more) {
        return expect(searchCall(token, kind, q, more), 200);
    }

    private org.springframework.http.ResponseEntity<JsonNode> searchCall(String token, String kind, String q,
                                                                          Object... more) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/search");
        if (kind != null) {
            uri.queryParam("kind", kind);
        }
        if (q != null) {
            uri.queryParam("q", q);
        }
        for (int i = 0; i < more.length; i += 2) {
            uri.queryParam((String) more[i], more[i + 1]);
        }
        return call(HttpMethod.GET, token, uri.build().toUriString(), null);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("a complaint is found right after its 201 by Chinese and Russian words of its text (any case), by "
            + "Latin, by its number and its shop; each hit with kind, id, number, title and the customer masked")
    void textNumberAndShop() {
        String zh = chinese(6);
        String ru = russian(7);
        String latin = "Latte" + ThreadLocalRandom.current().nextInt(1_000_000);
        String id = complaint("空调不制冷 " + zh, "售货员态度恶劣 " + ru + " / " + latin, "王小明", phone());

        JsonNode byChinese = search(DESK, "complaint", zh.substring(2, 5));
        assertThat(ids(byChinese)).containsExactly(id);
        JsonNode hit = byChinese.get("items").get(0);
        assertThat(hit.get("kind").asText()).isEqualTo("complaint");
        assertThat(hit.get("title").asText()).isEqualTo("空调不制冷 " + zh);
        assertThat(hit.get("number").asText()).startsWith("KF-");
        assertThat(hit.get("maskedName").asText()).isEqualTo("王**");
        assertThat(hit.get("maskedPhone").asText()).matches("139\\*{4}\\d{4}");
        assertThat(byChinese.get("total").asLong()).isEqualTo(1);
        assertThat(byChinese.get("page").asInt()).isZero();
        assertThat(byChinese.get("size").asInt()).isEqualTo(20);

        assertThat(ids(search(DESK, "complaint", zh.substring(3, 4)))).contains(id); // one character
        assertThat(ids(search(DESK, "complaint", ru.toUpperCase()))).containsExactly(id);
        assertThat(ids(search(DESK, "complaint", ru.substring(1, 5)))).containsExactly(id);
        assertThat(ids(search(DESK, "complaint", latin.toLowerCase()))).containsExactly(id);
        // every word must be there: two of its own find it, one of another text besides does not
        assertThat(ids(search(DESK, "complaint", zh + " " + ru))).containsExactly(id);
        assertThat(ids(search(DESK, "complaint", zh + " " + russian(7)))).isEmpty();
        String number = hit.get("number").asText();
        assertThat(ids(search(AFTER_SALES, "complaint", number))).containsExactly(id);
        assertThat(ids(search(AFTER_SALES, "complaint", number + " " + zh))).containsExactly(id);
        assertThat(ids(search(AFTER_SALES, "complaint", "a-1024 " + latin))).containsExactly(id);

        // the description and the merchant are optional
        Map<String, Object> bare = new HashMap<>(Complaints.phoneCall("只有标题 " + zh));
        bare.remove("description");
        bare.remove("merchant");
        String withoutDescription = expect(call(HttpMethod.POST, DESK, "/api/complaints", bare), 201).get("id").asText();
        assertThat(ids(search(DESK, "complaint", "只有标题 " + zh))).containsExactly(withoutDescription);
    }

    @Test
    @DisplayName("S1 a phone in any format and a full name in any order find the complaint through keyed hashes; the "
            + "index holds neither in clear, the answer shows them masked; a part of a name finds nothing")
    void phoneAndName() {
        String phone = phone();
        String name = "Мария " + russian(8);
        String id = complaint("电话 " + chinese(4), "звонок", name, phone);
        String formatted = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        for (String asked : List.of(phone, formatted, phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                + phone.substring(7), "0086" + phone)) {
            JsonNode found = search(DESK, "complaint", asked);
            assertThat(ids(found)).as(asked).containsExactly(id);
            assertThat(found.toString()).doesNotContain(phone).doesNotContain(name);
        }
        String[] words = name.split(" ");
        assertThat(ids(search(DESK, "complaint", words[1].toUpperCase() + "  " + words[0]))).containsExactly(id);
        assertThat(ids(search(DESK, "complaint", words[1]))).doesNotContain(id);
        String neighbour = phone.substring(0, 10) + (char) ('0' + (phone.charAt(10) - '0' + 1) % 10);
        assertThat(ids(search(DESK, "complaint", neighbour))).doesNotContain(id);

        assertThat(jdbc.queryForObject("select count(*) from search_entry where text like ? or text like ? "
                + "or masked_name like ?", Long.class, "%" + phone.substring(3) + "%", "%" + words[1] + "%",
                "%" + words[1] + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from search_hash where subject = ?", Long.class, id))
                .isEqualTo(2);
    }

    @Test
    @DisplayName("pages of a search hold size hits, newest first, with the total; page and size are bounded as on the "
            + "lists")
    void paging() {
        String common = chinese(5);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registered.add(complaint("分页 " + common + " " + i, "три", "李四", phone()));
        }
        JsonNode first = search(HEAD, "complaint", common, "size", 2);
        JsonNode second = search(HEAD, "complaint", common, "size", 2, "page", 1);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1);
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(first.get("items").get(0).get("at").asText())
                .isGreaterThanOrEqualTo(first.get("items").get(1).get("at").asText());

        for (Object[] wrong : new Object[][] {{"size", 0}, {"size", 101}, {"page", -1}}) {
            var answer = searchCall(HEAD, "complaint", common, wrong);
            expect(answer, 400);
            assertThat(answer.getBody().toString()).contains((String) wrong[0]);
        }
    }

    @Test
    @DisplayName("S4 a department finds only the complaints its department holds, and no enquiry (403); ADMIN, who "
            + "reads no complaint, 403; status and department filter")
    void accessAndFilters() {
        String marker = chinese(5);
        String ours = complaint("保安 " + marker, "x", "赵六", phone());
        String theirs = complaint("工程 " + marker, "x", "赵六", phone());
        String nobodys = complaint("未分派 " + marker, "x", "赵六", phone());
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/complaints/" + ours + "/assign",
                Map.of("department", "security")), 200);
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/complaints/" + theirs + "/assign",
                Map.of("department", "engineering")), 200);

        assertThat(ids(search(SECURITY, "complaint", marker))).containsExactly(ours);
        assertThat(ids(search(ENGINEERING, "complaint", marker))).containsExactly(theirs);
        // a department that asks for another's gets its own still
        assertThat(ids(search(SECURITY, "complaint", marker, "department", "engineering"))).containsExactly(ours);
        assertThat(ids(search(AUDITOR, "complaint", marker))).containsExactlyInAnyOrder(ours, theirs, nobodys);
        assertThat(ids(search(AUDITOR, "complaint", marker, "department", "engineering"))).containsExactly(theirs);
        assertThat(ids(search(AUDITOR, "complaint", marker, "status", "ASSIGNED")))
                .containsExactlyInAnyOrder(ours, theirs);
        assertThat(ids(search(AUDITOR, "complaint", marker, "status", "RECEIVED"))).containsExactly(nobodys);
        assertThat(search(SECURITY, "complaint", marker).get("items").get(0).get("department").asText())
                .isEqualTo("security");

        expect(searchCall(SECURITY, "enquiry", marker), 403);
        expect(searchCall(ADMIN, "complaint", marker), 403);
        expect(searchCall(ADMIN, "enquiry", marker), 403);
    }

    @Test
    @DisplayName("an enquiry is found by the words of its question, its number and its customer's phone; a complaint "
            + "search does not find it, nor an enquiry search a complaint")
    void enquiries() {
        String words = chinese(4) + "发票怎么开 " + russian(6);
        String phone = phone();
        String enquiry = expect(call(HttpMethod.POST, DESK, "/api/enquiries", Map.of("channel", "PHONE",
                "stage", "AFTER_SALE", "customerName", "Сергей Волков", "customerPhone", phone,
                "question", words)), 201).get("id").asText();
        String complaint = complaint(words, "x", "Сергей Волков", phone);

        JsonNode found = search(DESK, "enquiry", words.substring(0, 4));
        assertThat(ids(found)).containsExactly(enquiry);
        assertThat(found.get("items").get(0).get("kind").asText()).isEqualTo("enquiry");
        assertThat(found.get("items").get(0).get("maskedName").asText()).isEqualTo("С***** В*****");
        assertThat(ids(search(DESK, "enquiry", "8 " + phone))).containsExactly(enquiry);
        assertThat(ids(search(DESK, "enquiry", found.get("items").get(0).get("number").asText())))
                .containsExactly(enquiry);
        assertThat(ids(search(DESK, "complaint", words.substring(0, 4)))).containsExactly(complaint);
    }

    @Test
    @DisplayName("S3 after the customer's data is erased, neither their phone nor their name finds the complaint; its "
            + "text still does, showing the person erased")
    void erasure() {
        String phone = phone();
        String name = "欧阳" + chinese(2);
        String marker = chinese(5);
        String id = complaint("删除 " + marker, "x", name, phone);
        assertThat(ids(search(HEAD, "complaint", phone))).containsExactly(id);
        assertThat(ids(search(HEAD, "complaint", name))).containsExactly(id);

        expect(call(HttpMethod.POST, HEAD, "/api/complaints/" + id + "/erasure", Map.of("reason", "客户要求")), 200);

        assertThat(ids(search(HEAD, "complaint", phone))).isEmpty();
        assertThat(ids(search(HEAD, "complaint", name))).isEmpty();
        JsonNode byText = search(HEAD, "complaint", marker);
        assertThat(ids(byText)).containsExactly(id);
        assertThat(byText.get("items").get(0).get("maskedName").asText()).isEqualTo("[erased]");
        assertThat(byText.get("items").get(0).has("maskedPhone")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from search_hash where subject = ?", Long.class, id)).isZero();
    }

    @Test
    @DisplayName("400 problem details naming kind when it is missing or not this service's, naming q when it is empty")
    void badRequests() {
        for (String kind : new String[] {null, "member", "lost-item", "complaints"}) {
            var answer = searchCall(DESK, kind, "空调");
            expect(answer, 400);
            assertThat(answer.getBody().get("detail").asText()).as(kind).startsWith("kind");
        }
        for (String q : new String[] {null, "", "   ", "!!!"}) {
            var answer = searchCall(DESK, "complaint", q);
            expect(answer, 400);
            assertThat(answer.getBody().get("detail").asText()).as(q).startsWith("q");
        }
        var tooLong = searchCall(DESK, "complaint", "空".repeat(201));
        expect(tooLong, 400);
        assertThat(searchCall(DESK, "complaint", "空调", "status", "received").getStatusCode().value()).isEqualTo(400);
    }
}
