package com.kefu.membership.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 1: {@code GET /api/search?kind=member} on the real service — by card (not a replaced one), by phone
 * in any format and full name (Chinese, Russian in any order, Latin) through keyed hashes only, paging, the roles
 * that read members, an erasure forgetting the person, and the 400s.
 */
class MemberSearchTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");

    @Autowired
    JdbcTemplate jdbc;

    private static String letters(int from, int to, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ThreadLocalRandom.current().nextInt(from, to + 1));
        }
        return text.toString();
    }

    private JsonNode register(Map<String, Object> body) {
        return expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", body), 201);
    }

    private ResponseEntity<JsonNode> searchCall(String token, String kind, String q, Object... more) {
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

    private List<String> found(String token, String q, Object... more) {
        List<String> ids = new ArrayList<>();
        expect(searchCall(token, "member", q, more), 200).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("a member is found right after the 201 by card, by phone in any format and by full name (Chinese, "
            + "Russian in either order, Latin); the hit shows the card and the member masked, never in clear")
    void cardPhoneAndName() {
        String chinese = "王" + letters(0x4E00, 0x9FA5, 2);
        String russian = "Пётр " + letters('а', 'я', 7);
        String latin = "Anna " + letters('a', 'z', 8);
        Map<String, Object> body = Members.gold(chinese);
        String phone = (String) body.get("phone");
        JsonNode member = register(body);
        String id = member.get("id").asText();
        String card = member.get("cardNumber").asText();

        JsonNode page = expect(searchCall(DESK, "member", card), 200);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode hit = page.get("items").get(0);
        assertThat(hit.get("kind").asText()).isEqualTo("member");
        assertThat(hit.get("id").asText()).isEqualTo(id);
        assertThat(hit.get("number").asText()).isEqualTo(card);
        assertThat(hit.get("maskedName").asText()).isEqualTo("王**");
        assertThat(hit.get("maskedPhone").asText()).isEqualTo(Members.masked(phone));
        assertThat(page.toString()).doesNotContain(chinese).doesNotContain(phone);

        for (String asked : List.of(phone, "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                + phone.substring(7), phone.substring(0, 3) + "-" + phone.substring(3))) {
            assertThat(found(DESK, asked)).as(asked).containsExactly(id);
        }
        assertThat(found(DESK, chinese)).containsExactly(id);
        assertThat(found(DESK, chinese.substring(0, 1))).doesNotContain(id);

        String ru = register(Members.gold(russian)).get("id").asText();
        String[] words = russian.split(" ");
        assertThat(found(HEAD, words[1].toUpperCase() + " петр")).containsExactly(ru);
        String en = register(Members.gold(latin)).get("id").asText();
        assertThat(found(HEAD, latin.toUpperCase())).containsExactly(en);
        assertThat(jdbc.queryForObject("select count(*) from search_entry where text like ? or masked_name like ?",
                Long.class, "%" + words[1] + "%", "%" + words[1] + "%")).isZero();
    }

    @Test
    @DisplayName("a replaced card finds the member no more, the new one does; a new phone and name replace the old")
    void changes() {
        Map<String, Object> body = Members.gold("李" + letters(0x4E00, 0x9FA5, 2));
        JsonNode member = register(body);
        String id = member.get("id").asText();
        String old = member.get("cardNumber").asText();
        JsonNode replaced = expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/card",
                Map.of("reason", "遗失")), 200);
        String card = replaced.get("cardNumber").asText();
        assertThat(found(DESK, old)).isEmpty();
        assertThat(found(DESK, card)).containsExactly(id);

        String phone = Members.newPhone();
        String name = "Ольга " + letters('а', 'я', 6);
        expect(call(HttpMethod.PATCH, AFTER_SALES, "/api/members/" + id, Map.of("phone", phone, "name", name)), 200);
        assertThat(found(DESK, (String) body.get("phone"))).isEmpty();
        assertThat(found(DESK, (String) body.get("name"))).isEmpty();
        assertThat(found(DESK, phone)).containsExactly(id);
        assertThat(found(DESK, name)).containsExactly(id);
    }

    @Test
    @DisplayName("S4 S3 the search answers those who read members (others 403); after the erasure neither phone nor "
            + "name finds the member, the card shows them erased; pages and 400s as on the lists")
    void accessErasureAndPaging() {
        String name = "Иван " + letters('а', 'я', 6);
        Map<String, Object> body = Members.gold(name);
        String phone = (String) body.get("phone");
        JsonNode member = register(body);
        String id = member.get("id").asText();
        String card = member.get("cardNumber").asText();
        for (String role : List.of("SUPERVISOR", "DEPARTMENT", "BROADCASTER", "ADMIN")) {
            expect(searchCall(Tokens.bearer("x", role), "member", card), 403);
        }
        assertThat(found(Tokens.bearer("auditor", "AUDITOR"), card)).containsExactly(id);

        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/cancel", Map.of("reason", "本人申请")), 200);
        assertThat(found(DESK, card, "status", "CANCELLED")).containsExactly(id);
        assertThat(found(DESK, card, "status", "ACTIVE")).isEmpty();
        expect(call(HttpMethod.POST, HEAD, "/api/members/" + id + "/erasure", Map.of("reason", "本人申请删除")), 200);
        assertThat(found(DESK, phone)).isEmpty();
        assertThat(found(DESK, name)).isEmpty();
        JsonNode hit = expect(searchCall(DESK, "member", card), 200).get("items").get(0);
        assertThat(hit.get("maskedName").asText()).isEqualTo("[erased]");
        assertThat(jdbc.queryForObject("select count(*) from search_hash where subject = ?", Long.class, id)).isZero();

        String shared = letters(0x4E00, 0x9FA5, 1) + letters(0x4E00, 0x9FA5, 3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register(Members.gold(shared)).get("id").asText());
        }
        JsonNode first = expect(searchCall(DESK, "member", shared, "size", 2), 200);
        JsonNode second = expect(searchCall(DESK, "member", shared, "size", 2, "page", 1), 200);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        List<String> all = new ArrayList<>();
        first.get("items").forEach(item -> all.add(item.get("id").asText()));
        second.get("items").forEach(item -> all.add(item.get("id").asText()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);

        for (String kind : new String[] {null, "complaint", "lost-item"}) {
            var answer = searchCall(DESK, kind, card);
            expect(answer, 400);
            assertThat(answer.getBody().get("detail").asText()).startsWith("kind");
        }
        for (String q : new String[] {null, " ", "—"}) {
            var answer = searchCall(DESK, "member", q);
            expect(answer, 400);
            assertThat(answer.getBody().get("detail").asText()).startsWith("q");
        }
        expect(searchCall(DESK, "member", card, "size", 101), 400);
    }
}
