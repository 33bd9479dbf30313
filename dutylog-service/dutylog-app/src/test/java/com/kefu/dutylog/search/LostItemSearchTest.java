package com.kefu.dutylog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 1: {@code GET /api/search?kind=lost-item} on the real service — by the Chinese, Russian and Latin
 * words of the description and of where the item was found, the custody as a filter, paging newest found first, the
 * roles that read lost items, the claimant never searched, and the 400s.
 */
class LostItemSearchTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");

    @Autowired
    MutableClock clock;

    private static String letters(int from, int to, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ThreadLocalRandom.current().nextInt(from, to + 1));
        }
        return text.toString();
    }

    private String lostItem(String description, String where, Instant foundAt) {
        return expect(call(HttpMethod.POST, DESK, "/api/lost-items", Map.of("description", description,
                "foundBy", "保洁 王姐", "foundAt", foundAt.toString(), "foundWhere", where, "handedTo", "主管 张",
                "storedAt", "客服部保险柜 A3")), 201).get("id").asText();
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
        expect(searchCall(token, "lost-item", q, more), 200).get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("a lost item is found right after the 201 by Chinese, Russian and Latin words of its description and "
            + "by where it was found; every word asked must be there; the hit's title is the description")
    void descriptionAndWhere() {
        String zh = letters(0x4E00, 0x9FA5, 5);
        String ru = letters('а', 'я', 6);
        String latin = "iPhone" + ThreadLocalRandom.current().nextInt(1_000_000);
        String where = letters(0x4E00, 0x9FA5, 3) + "楼女卫生间";
        String description = "黑色钱包 " + zh + " / чёрный кошелёк " + ru + " " + latin;
        String id = lostItem(description, where, clock().minus(Duration.ofMinutes(30)));

        JsonNode page = expect(searchCall(DESK, "lost-item", zh.substring(1, 4)), 200);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode hit = page.get("items").get(0);
        assertThat(hit.get("kind").asText()).isEqualTo("lost-item");
        assertThat(hit.get("id").asText()).isEqualTo(id);
        assertThat(hit.get("title").asText()).isEqualTo(description);
        assertThat(hit.get("status").asText()).isEqualTo("STORED");

        assertThat(found(DESK, ru.toUpperCase())).containsExactly(id);
        assertThat(found(DESK, "Кошелек " + ru)).containsExactly(id);
        assertThat(found(DESK, latin.toLowerCase())).containsExactly(id);
        assertThat(found(SUPERVISOR, where.substring(0, 3))).containsExactly(id);
        assertThat(found(DESK, zh + " " + letters('а', 'я', 6))).isEmpty();
    }

    @Test
    @DisplayName("the custody filters; the claimant finds nothing; pages newest found first; the readers of lost items "
            + "only (others 403); 400 naming kind or q")
    void custodyPagingAccessAndBadRequests() {
        String marker = letters(0x4E00, 0x9FA5, 5);
        Instant now = clock();
        String older = lostItem("雨伞 " + marker, "1楼大厅", now.minus(Duration.ofHours(3)));
        String middle = lostItem("雨伞 " + marker, "1楼大厅", now.minus(Duration.ofHours(2)));
        String newest = lostItem("雨伞 " + marker, "1楼大厅", now.minus(Duration.ofHours(1)));
        String claimant = "Ирина " + letters('а', 'я', 7);
        expect(call(HttpMethod.POST, DESK, "/api/lost-items/" + middle + "/claim", Map.of("claimant", claimant,
                "identityChecked", true, "identityDocument", "паспорт 4510 123456")), 200);

        assertThat(found(DESK, marker, "status", "RETURNED")).containsExactly(middle);
        assertThat(found(DESK, marker, "status", "STORED")).containsExactly(newest, older);
        assertThat(found(DESK, claimant)).isEmpty();

        JsonNode first = expect(searchCall(DESK, "lost-item", marker, "size", 2), 200);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsText("id")).containsExactly(newest, middle);
        JsonNode second = expect(searchCall(DESK, "lost-item", marker, "size", 2, "page", 1), 200);
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(older);

        for (String role : List.of("DEPARTMENT", "BROADCASTER", "ADMIN")) {
            expect(searchCall(Tokens.bearer("x", role), "lost-item", marker), 403);
        }
        for (String kind : new String[] {null, "complaint", "member", "lost-items"}) {
            var answer = searchCall(DESK, kind, marker);
            expect(answer, 400);
            assertThat(answer.getBody().get("detail").asText()).startsWith("kind");
        }
        for (String q : new String[] {null, "", "?!"}) {
            var answer = searchCall(DESK, "lost-item", q);
            expect(answer, 400);
            assertThat(answer.getBody().get("detail").asText()).startsWith("q");
        }
        expect(searchCall(DESK, "lost-item", marker, "page", -1), 400);
        expect(searchCall(DESK, "lost-item", marker, "status", "LOST"), 400);
    }

    /** The service's clock (a test must pass at any hour): the items were found before it. */
    private Instant clock() {
        return clock.instant();
    }
}
