package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.SignedArchive;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A5 the duty day's digest signed as audit-service's exports are: the signed day's digest as a JSON line with the
 * service's detached signature, verified by openssl alone against the public key the service serves; a changed byte
 * fails the same check.
 */
class SignedDigestTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MutableClock clock;

    @Test
    @DisplayName("A5 D5 a signed day's digest comes with a signature openssl verifies with the served public key; a "
            + "changed byte fails; an unsigned day has none (404); a department may not read it")
    void signedDigestVerifiedWithOpenssl() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MALL);
        String shift = expect(call(HttpMethod.POST, DESK, "/api/shifts", Shifts.open("front-desk")), 201)
                .get("id").asText();
        Instant tenMinutesAgo = clock.instant().minus(Duration.ofMinutes(10));
        expect(call(HttpMethod.POST, DESK, "/api/shifts/" + shift + "/entries",
                Shifts.entry("OTHER", tenMinutesAgo, "巡查正常 / обход без замечаний")), 201);
        expect(call(HttpMethod.GET, AUDITOR, "/api/duty-days/" + today + "/signed-digest", null), 404);

        JsonNode signed = expect(call(HttpMethod.POST, MANAGER, "/api/duty-days/" + today + "/signature", null), 200);
        String digest = signed.get("signature").get("digest").asText();

        ResponseEntity<byte[]> answer = api().get().uri("/api/duty-days/" + today + "/signed-digest")
                .header("Authorization", AUDITOR).retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        String publicKey = api().get().uri("/api/duty-days/public-key").header("Authorization", AUDITOR).retrieve()
                .toEntity(String.class).getBody();
        SignedArchive archive = SignedArchive.unpack(answer.getBody(), publicKey);
        String file = "duty-day-" + today + ".jsonl";
        assertThat(archive.names()).containsExactly(file, "duty-day-" + today + ".sig");

        JsonNode line = JSON.readTree(archive.text(file));
        assertThat(archive.text(file).lines()).hasSize(1);
        assertThat(line.get("day").asText()).isEqualTo(today.toString());
        assertThat(line.get("digest").asText()).isEqualTo(digest);
        assertThat(line.get("entries").asInt()).isEqualTo(1);
        assertThat(line.get("signedBy").asText()).isEqualTo("manager");
        assertThat(line.get("current").get("sha256").asText()).isEqualTo(digest);
        assertThat(line.get("intact").asBoolean()).isTrue();
        SignedArchive.Check check = archive.verify(file);
        assertThat(check.verified()).as(check.output()).isTrue();

        archive.tamper(file, archive.text(file).indexOf(digest));
        SignedArchive.Check tampered = archive.verify(file);
        assertThat(tampered.exitCode()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).contains("Verification failure");

        expect(call(HttpMethod.GET, Tokens.departmentBearer("security", "security"),
                "/api/duty-days/" + today + "/signed-digest", null), 403);
        expect(call(HttpMethod.GET, AUDITOR, "/api/duty-days/not-a-date/signed-digest", null), 400);
    }
}
