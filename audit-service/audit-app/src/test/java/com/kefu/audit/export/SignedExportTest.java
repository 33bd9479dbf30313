package com.kefu.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.audit.Publisher;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.complaint.api.Priority;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.SignedArchive;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A5 signed exports of audit-service: the events about a subject, or of a time window, as JSON lines with a detached
 * signature that openssl alone verifies against the public key the service serves, and that fails once a byte of the
 * file is changed.
 */
class SignedExportTest extends ServiceTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MutableClock clock;

    @Test
    @DisplayName("A5 an export by subject and one by time window are JSON lines in time order whose signature openssl "
            + "verifies with the served public key; a changed byte fails the check")
    void exportVerifiedWithOpenssl() {
        String complaint = UUID.randomUUID().toString();
        String shift = UUID.randomUUID().toString();
        String head = "cshead-" + complaint.substring(0, 8);
        Instant t0 = clock.instant().plusSeconds(3600);
        Publisher.publish(ComplaintTopics.EVENTS, complaint, 1, head, t0.plusSeconds(40),
                new ComplaintAssignedEvent(complaint, "KF-202601-00002", "security", "请处理 / разберитесь",
                        Priority.NORMAL, head, t0.plusSeconds(40)));
        Publisher.publish(ComplaintTopics.EVENTS, complaint, 2, head, t0.plusSeconds(20),
                new ComplaintAssignedEvent(complaint, "KF-202601-00002", "engineering", "改派", Priority.NORMAL,
                        head, t0.plusSeconds(20)));
        Publisher.publish(DutylogTopics.EVENTS, shift, 0, head, t0.plusSeconds(30),
                new ShiftOpenedEvent(shift, "front-desk", LocalDate.of(2026, 1, 15), head, t0.plusSeconds(30)));
        awaitTrail("subject=" + complaint, 2);
        awaitTrail("subject=" + shift, 1);
        String publicKey = publicKey(AUDITOR);
        assertThat(publicKey).startsWith("-----BEGIN PUBLIC KEY-----");

        SignedArchive bySubject = export(AUDITOR, "subject=" + complaint, publicKey);
        assertThat(bySubject.names()).containsExactly("export.jsonl", "export.sig");
        List<JsonNode> lines = lines(bySubject);
        assertThat(lines).extracting(line -> line.path("occurredAt").asText())
                .containsExactly(t0.plusSeconds(20).toString(), t0.plusSeconds(40).toString());
        assertThat(lines).extracting(line -> line.path("data").path("department").asText())
                .containsExactly("engineering", "security");
        assertThat(lines.get(0).path("topic").asText()).isEqualTo(ComplaintTopics.EVENTS);
        assertThat(bySubject.text("export.jsonl")).contains("请处理 / разберитесь");
        SignedArchive.Check check = bySubject.verify("export.jsonl");
        assertThat(check.verified()).as(check.output()).isTrue();

        // the time window takes every service's events in it, the shift's between the complaint's
        SignedArchive byWindow = export(ADMIN, "from=" + t0.plusSeconds(20) + "&to=" + t0.plusSeconds(41), publicKey);
        assertThat(lines(byWindow)).extracting(line -> line.path("aggregateId").asText())
                .containsExactly(complaint, shift, complaint);
        assertThat(byWindow.verify("export.jsonl").verified()).isTrue();

        // one byte changed: the same command refuses it
        bySubject.tamper("export.jsonl", bySubject.text("export.jsonl").indexOf("security"));
        SignedArchive.Check tampered = bySubject.verify("export.jsonl");
        assertThat(tampered.exitCode()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).contains("Verification failure");

        // nothing about the subject: an empty file, signed all the same
        SignedArchive empty = export(AUDITOR, "subject=nothing-" + complaint, publicKey);
        assertThat(empty.text("export.jsonl")).isEmpty();
        assertThat(empty.verify("export.jsonl").verified()).isTrue();
    }

    @Test
    @DisplayName("A5 S4 an export names a subject or a whole time window (400 otherwise); only AUDITOR and ADMIN")
    void badParametersAndRoles() {
        assertProblem("", "subject");
        assertProblem("from=2026-01-15T10:00:00Z", "to");
        assertProblem("to=2026-01-15T10:00:00Z", "from");
        assertProblem("from=2026-01-15T10:00:00Z&to=2026-01-15T09:00:00Z", "to");
        assertProblem("from=yesterday&to=2026-01-15T09:00:00Z", "from");
        assertProblem("subject=", "subject");
        for (String role : List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER", "SUPERVISOR",
                "BROADCASTER")) {
            for (String path : List.of("/api/audit/export?subject=x", "/api/audit/public-key")) {
                assertThat(api().get().uri(path).header("Authorization", Tokens.bearer("u", role))
                        .retrieve().toEntity(String.class).getStatusCode().value()).as(role + " " + path)
                        .isEqualTo(403);
            }
        }
        assertThat(api().get().uri("/api/audit/export?subject=x").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    private void assertProblem(String query, String parameter) {
        var answer = api().get().uri("/api/audit/export?" + query).header("Authorization", AUDITOR).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody().path("detail").asText()).as(query).contains(parameter);
    }

    private SignedArchive export(String token, String query, String publicKey) {
        ResponseEntity<byte[]> answer = api().get().uri("/api/audit/export?" + query).header("Authorization", token)
                .retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        return SignedArchive.unpack(answer.getBody(), publicKey);
    }

    private String publicKey(String token) {
        var answer = api().get().uri("/api/audit/public-key").header("Authorization", token).retrieve()
                .toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private static List<JsonNode> lines(SignedArchive archive) {
        String text = archive.text("export.jsonl");
        assertThat(text).endsWith("\n");
        return text.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private void awaitTrail(String query, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode page = api().get().uri("/api/audit/trail?" + query).header("Authorization", AUDITOR).retrieve()
                    .toEntity(JsonNode.class).getBody();
            if (page != null && page.path("total").asLong() >= count) {
                assertThat(page.path("total").asLong()).as(query).isEqualTo(count);
                return;
            }
            assertThat(System.nanoTime()).as("the trail has " + query).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
