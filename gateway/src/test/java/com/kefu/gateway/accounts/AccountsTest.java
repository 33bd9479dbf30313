package com.kefu.gateway.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.accounts.AccountTopics;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.LateEveningClock;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kefu.platform.test.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff accounts in the gateway's own database (issue 19, item 6), on a real PostgreSQL and a real Kafka broker:
 * the seeded demo users, what an ADMIN does, each user's own password and its strength rule, the lock after five
 * failed sign-ins (on the test's clock, not the system's), the end of a disabled account's and a changed password's
 * tokens, and every change as an event on account.events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(LateEveningClock.class)
class AccountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRONG = "a long walk by the river";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationRunner seedAccounts;

    private ResponseEntity<JsonNode> call(HttpMethod method, String token, String path, Object body) {
        return Api.call(Api.client(port), method, Api.authorization(token), path, body);
    }

    private ResponseEntity<JsonNode> signIn(String username, String password) {
        return call(HttpMethod.POST, null, "/api/auth/token", Map.of("username", username, "password", password));
    }

    private String token(String username, String password) {
        return expect(signIn(username, password), 200).get("access_token").asText();
    }

    private static String type(JsonNode problem) {
        return problem.get("type").asText().replace("urn:kefu:problem:", "");
    }

    /** A new user of this role, made by the ADMIN; answers the user name. */
    private String newUser(String role, String department) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", STRONG, "role", role));
        if (department != null) {
            body.put("department", department);
        }
        expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users", body), 201);
        return username;
    }

    @Test
    @DisplayName("the local profile seeds the ten demo users (password demo), each with its role; seeding again changes "
            + "nothing")
    void seedsTheDemoUsers() throws Exception {
        Map<String, String> roles = Map.of("desk", "FRONT_DESK", "aftersales", "AFTER_SALES", "head", "CS_HEAD",
                "supervisor", "SUPERVISOR", "manager", "CS_MANAGER", "security", "DEPARTMENT",
                "engineering", "DEPARTMENT", "broadcaster", "BROADCASTER", "auditor", "AUDITOR", "admin", "ADMIN");
        JsonNode users = expect(call(HttpMethod.GET, token("admin", "demo"), "/api/users", null), 200);
        Map<String, String> listed = new HashMap<>();
        users.forEach(user -> listed.put(user.get("username").asText(), user.get("role").asText()));
        assertThat(listed).containsAllEntriesOf(roles);
        roles.keySet().forEach(username -> assertThat(signIn(username, "demo").getStatusCode().value())
                .as(username).isEqualTo(200));

        Long events = jdbc.queryForObject("select sum(events) from account", Long.class);
        seedAccounts.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("select sum(events) from account", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("select department from account where username = 'security'", String.class))
                .isEqualTo("security");
    }

    @Test
    @DisplayName("ADMIN creates a user, who signs in with the role given; the list never shows a password or a hash")
    void adminCreatesUsers() {
        String username = newUser("DEPARTMENT", "engineering");
        String token = token(username, STRONG);
        JsonNode me = expect(call(HttpMethod.GET, token, "/api/users/me", null), 200);
        assertThat(me.get("role").asText()).isEqualTo("DEPARTMENT");
        assertThat(me.get("department").asText()).isEqualTo("engineering");
        assertThat(me.get("enabled").asBoolean()).isTrue();

        JsonNode list = expect(call(HttpMethod.GET, token("admin", "demo"), "/api/users", null), 200);
        assertThat(list.toString()).contains(username).doesNotContain("$2a$").doesNotContainIgnoringCase("password")
                .doesNotContain(STRONG);
        expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users",
                Map.of("username", username, "password", STRONG, "role", "AUDITOR")), 409);
        assertThat(type(call(HttpMethod.POST, token("admin", "demo"), "/api/users",
                Map.of("username", username, "password", STRONG, "role", "AUDITOR")).getBody()))
                .isEqualTo("username-taken");
    }

    @Test
    @DisplayName("a new user's name, password, role and department are checked: 400 naming the field")
    void refusesInvalidUsers() {
        String admin = token("admin", "demo");
        List<Object[]> wrong = List.of(
                new Object[]{"Bad Name", STRONG, "AUDITOR", null, "username"},
                new Object[]{"ab", STRONG, "AUDITOR", null, "username"},
                new Object[]{"shorty", "short pw", "AUDITOR", null, "password"},
                new Object[]{"riverwalker", "riverwalker2026", "AUDITOR", null, "password"},
                new Object[]{"guessable", "password123", "AUDITOR", null, "password"},
                new Object[]{"repeats", "aaaaaaaaaaaa", "AUDITOR", null, "password"},
                new Object[]{"nobody-role", STRONG, "KING", null, "role"},
                new Object[]{"no-department", STRONG, "DEPARTMENT", null, "department"},
                new Object[]{"extra-department", STRONG, "AUDITOR", "security", "department"});
        for (Object[] user : wrong) {
            Map<String, Object> body = new HashMap<>();
            body.put("username", user[0]);
            body.put("password", user[1]);
            body.put("role", user[2]);
            if (user[3] != null) {
                body.put("department", user[3]);
            }
            JsonNode problem = expect(call(HttpMethod.POST, admin, "/api/users", body), 400);
            assertThat(problem.get("detail").asText()).as(String.valueOf(user[0])).startsWith(user[4] + ":");
        }
    }

    @Test
    @DisplayName("only an ADMIN lists, creates, disables and enables users: 403 for every other role")
    void onlyAdminManagesUsers() {
        String username = newUser("AUDITOR", null);
        for (String other : List.of("desk", "head", "manager", "auditor", "security")) {
            String token = token(other, "demo");
            assertThat(call(HttpMethod.GET, token, "/api/users", null).getStatusCode().value()).isEqualTo(403);
            assertThat(call(HttpMethod.POST, token, "/api/users", Map.of("username", "x" + other, "password", STRONG,
                    "role", "ADMIN")).getStatusCode().value()).isEqualTo(403);
            assertThat(call(HttpMethod.POST, token, "/api/users/" + username + "/disable", null)
                    .getStatusCode().value()).isEqualTo(403);
            assertThat(call(HttpMethod.POST, token, "/api/users/" + username + "/enable", null)
                    .getStatusCode().value()).isEqualTo(403);
        }
        assertThat(type(expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users/admin/disable", null), 409)))
                .isEqualTo("own-account");
        expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users/nobody-here/disable", null), 404);
    }

    @Test
    @DisplayName("disabling a user ends their tokens (access and refresh) and their sign-in (409 account-disabled); "
            + "enabled again, they sign in")
    void disablingEndsTokens() {
        String username = newUser("FRONT_DESK", null);
        JsonNode pair = expect(signIn(username, STRONG), 200);
        String token = pair.get("access_token").asText();
        expect(call(HttpMethod.GET, token, "/api/users/me", null), 200);

        expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users/" + username + "/disable", null), 200);
        expect(call(HttpMethod.GET, token, "/api/users/me", null), 401);
        expect(call(HttpMethod.POST, null, "/api/auth/refresh",
                Map.of("refresh_token", pair.get("refresh_token").asText())), 401);
        assertThat(type(expect(signIn(username, STRONG), 409))).isEqualTo("account-disabled");
        expect(signIn(username, "not the password at all"), 401);

        JsonNode enabled = expect(call(HttpMethod.POST, token("admin", "demo"), "/api/users/" + username + "/enable",
                null), 200);
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        expect(call(HttpMethod.GET, token, "/api/users/me", null), 401);
        expect(call(HttpMethod.GET, token(username, STRONG), "/api/users/me", null), 200);
    }

    @Test
    @DisplayName("a refresh token gives a new pair once; the new access token works")
    void refreshTokensAreGoodOnce() {
        String username = newUser("AFTER_SALES", null);
        JsonNode pair = expect(signIn(username, STRONG), 200);
        assertThat(pair.get("expires_in").asLong()).isEqualTo(Duration.ofHours(1).toSeconds());
        assertThat(pair.get("refresh_expires_in").asLong()).isEqualTo(Duration.ofHours(12).toSeconds());
        Map<String, String> refresh = Map.of("refresh_token", pair.get("refresh_token").asText());
        JsonNode renewed = expect(call(HttpMethod.POST, null, "/api/auth/refresh", refresh), 200);
        assertThat(renewed.get("refresh_token").asText()).isNotEqualTo(pair.get("refresh_token").asText());
        expect(call(HttpMethod.GET, renewed.get("access_token").asText(), "/api/users/me", null), 200);
        assertThat(type(expect(call(HttpMethod.POST, null, "/api/auth/refresh", refresh), 401)))
                .isEqualTo("invalid-refresh-token");
    }

    @Test
    @DisplayName("a user changes their own password with the current one: the old tokens end, the answer's work; a "
            + "weak new password is 400 naming newPassword, a wrong current one 409 wrong-password")
    void changingThePasswordEndsTokens() {
        String username = newUser("CS_MANAGER", null);
        JsonNode pair = expect(signIn(username, STRONG), 200);
        String token = pair.get("access_token").asText();
        String newPassword = "another long walk home";

        JsonNode weak = expect(call(HttpMethod.POST, token, "/api/users/me/password",
                Map.of("currentPassword", STRONG, "newPassword", "tooshort")), 400);
        assertThat(weak.get("detail").asText()).startsWith("newPassword:");
        assertThat(type(expect(call(HttpMethod.POST, token, "/api/users/me/password",
                Map.of("currentPassword", "not my password", "newPassword", newPassword)), 409)))
                .isEqualTo("wrong-password");

        JsonNode changed = expect(call(HttpMethod.POST, token, "/api/users/me/password",
                Map.of("currentPassword", STRONG, "newPassword", newPassword)), 200);
        expect(call(HttpMethod.GET, token, "/api/users/me", null), 401);
        expect(call(HttpMethod.POST, null, "/api/auth/refresh",
                Map.of("refresh_token", pair.get("refresh_token").asText())), 401);
        expect(call(HttpMethod.GET, changed.get("access_token").asText(), "/api/users/me", null), 200);
        expect(signIn(username, STRONG), 401);
        expect(signIn(username, newPassword), 200);
    }

    @Test
    @DisplayName("five failed sign-ins in a row lock the account for 15 minutes of the mall's clock, even for the right "
            + "password (409 account-locked); then it signs in again")
    void fiveFailedSignInsLockTheAccount() {
        String username = newUser("SUPERVISOR", null);
        for (int i = 1; i < 5; i++) {
            expect(signIn(username, "wrong guess " + i), 401);
        }
        expect(signIn(username, STRONG), 200); // a good sign-in starts the count again
        for (int i = 1; i < 5; i++) {
            expect(signIn(username, "wrong guess " + i), 401);
        }
        assertThat(type(expect(signIn(username, "wrong guess 5"), 409))).isEqualTo("account-locked");
        assertThat(type(expect(signIn(username, STRONG), 409))).isEqualTo("account-locked");
        JsonNode listed = find(expect(call(HttpMethod.GET, token("admin", "demo"), "/api/users", null), 200), username);
        assertThat(listed.get("lockedUntil").asText()).isNotEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(type(expect(signIn(username, STRONG), 409))).isEqualTo("account-locked");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        expect(signIn(username, STRONG), 200);
    }

    @Test
    @DisplayName("every change to an account is an event on account.events in the platform's envelope, keyed by the "
            + "user name, in order, never with a password or a hash")
    void everyChangeIsAnEvent() throws IOException {
        String username = newUser("DEPARTMENT", "security");
        String admin = token("admin", "demo");
        expect(call(HttpMethod.PUT, admin, "/api/users/" + username + "/role", Map.of("role", "CS_HEAD")), 200);
        expect(call(HttpMethod.POST, admin, "/api/users/" + username + "/disable", null), 200);
        expect(call(HttpMethod.POST, admin, "/api/users/" + username + "/enable", null), 200);
        String token = token(username, STRONG);
        expect(call(HttpMethod.POST, token, "/api/users/me/password",
                Map.of("currentPassword", STRONG, "newPassword", "the river runs far")), 200);
        for (int i = 1; i <= 5; i++) {
            signIn(username, "wrong guess " + i);
        }

        List<JsonNode> envelopes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (envelopes.size() < 6 && System.nanoTime() < deadline) {
            envelopes.clear();
            for (ConsumerRecord<String, byte[]> record : Topics.awaitRecords(AccountTopics.EVENTS, username)) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(value).doesNotContain("$2a$").doesNotContain(STRONG).doesNotContain("the river runs far");
                envelopes.add(JSON.readTree(value));
            }
        }
        assertThat(envelopes).extracting(envelope -> envelope.get("type").asText()).containsExactly("AccountCreated",
                "AccountRoleSet", "AccountDisabled", "AccountEnabled", "AccountPasswordChanged", "AccountLocked");
        assertThat(envelopes).extracting(envelope -> envelope.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.get("aggregateId").asText()).isEqualTo(username);
            assertThat(envelope.get("version").asInt()).isEqualTo(1);
            assertThat(envelope.get("data").get("username").asText()).isEqualTo(username);
        });
        assertThat(envelopes.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(envelopes.get(0).get("data").get("department").asText()).isEqualTo("security");
        assertThat(envelopes.get(4).get("actor").asText()).isEqualTo(username);
        assertThat(envelopes.get(5).get("actor").asText()).isEqualTo("system");
        assertThat(jdbc.queryForObject("select count(*) from account_outbox where username = ?", Long.class, username))
                .isZero();
    }

    private static JsonNode find(JsonNode users, String username) {
        for (JsonNode user : users) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError(username + " is not listed");
    }
}
