package com.kefu.membership.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A3 the auditors' check of a projection (the platform's, every service's): member-view rebuilt from the event store
 * into a shadow copy and compared with the live one; equal while nobody touched it, the first difference once a row
 * was changed or deleted directly in PostgreSQL; the live view itself left as it was.
 */
class ProjectionCheckTest extends ServiceTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String CHECK = "/api/audit/membership/projections/member-view/check";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("A3 a projection rebuilt into a shadow copy equals the live one; a row changed or deleted in "
            + "PostgreSQL is the first difference; the live view is not touched")
    void checkFindsTheFirstDifference() {
        String first = register("欧阳娜娜");
        String second = register("Иван Петров");
        assertThat(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + second + "/points",
                Map.of("delta", 120, "reason", "购物 ¥120")).getStatusCode().is2xxSuccessful()).isTrue();

        JsonNode equal = expect(call(HttpMethod.POST, AUDITOR, CHECK, null), 200);
        assertThat(equal.get("equal").asBoolean()).as(equal.toString()).isTrue();
        assertThat(equal.get("projection").asText()).isEqualTo("member-view");
        assertThat(texts(equal.get("tables"))).contains("member_view", "member_points", "campaign_view");
        assertThat(equal.get("events").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(equal.has("firstDifference")).isFalse();

        String name = jdbc.queryForObject("select name from member_view where id = ?", String.class, first);
        jdbc.update("update member_view set name = 'someone else' where id = ?", first);
        JsonNode changed = expect(call(HttpMethod.POST, ADMIN, CHECK, null), 200);
        assertThat(changed.get("equal").asBoolean()).isFalse();
        JsonNode difference = changed.get("firstDifference");
        assertThat(difference.get("table").asText()).isEqualTo("member_view");
        assertThat(difference.get("live").get("id").asText()).isEqualTo(first);
        assertThat(difference.get("live").get("name").asText()).isEqualTo("someone else");
        assertThat(difference.get("rebuilt").get("name").asText()).isEqualTo(name);
        // the check changed nothing of the live view
        assertThat(jdbc.queryForObject("select name from member_view where id = ?", String.class, first))
                .isEqualTo("someone else");

        jdbc.update("update member_view set name = ? where id = ?", name, first);
        assertThat(expect(call(HttpMethod.POST, AUDITOR, CHECK, null), 200).get("equal").asBoolean()).isTrue();
        jdbc.update("delete from member_points where member_id = ?", second);
        JsonNode deleted = expect(call(HttpMethod.POST, AUDITOR, CHECK, null), 200).get("firstDifference");
        assertThat(deleted.get("table").asText()).isEqualTo("member_points");
        assertThat(deleted.has("live")).as(deleted.toString()).isFalse();
        assertThat(deleted.get("rebuilt").get("member_id").asText()).isEqualTo(second);
        // no shadow copy is left behind
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname like 'kefu_check_%'",
                Integer.class)).isZero();
    }

    @Test
    @DisplayName("A3 S4 the check: 404 for another service or an unknown projection, 409 for the relay, AUDITOR and "
            + "ADMIN only")
    void refusals() {
        expect(call(HttpMethod.POST, AUDITOR, "/api/audit/complaint/projections/member-view/check", null), 404);
        expect(call(HttpMethod.POST, AUDITOR, "/api/audit/membership/projections/nothing/check", null), 404);
        JsonNode relay = expect(call(HttpMethod.POST, AUDITOR,
                "/api/audit/membership/projections/kafka-relay/check", null), 409);
        assertThat(relay.get("detail").asText()).contains("relay");
        for (String role : List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER", "SUPERVISOR",
                "BROADCASTER")) {
            expect(call(HttpMethod.POST, Tokens.bearer("u", role), CHECK, null), 403);
        }
        assertThat(api().post().uri(CHECK).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    }

    private String register(String name) {
        return expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", Members.gold(name)), 201).get("id").asText();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
