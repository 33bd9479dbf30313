package com.kefu.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A5 through the gateway on the real system: a complaint registered at the desk is exported by the auditor with its
 * detached signature, which openssl alone verifies against the public key the gateway serves; one changed byte fails
 * the same command. A signed duty day's digest is handed out and checked the same way, with the same key.
 */
class SignedExportSystemTest {

    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static Gateway desk;
    private static Gateway auditor;
    private static Gateway manager;

    @BeforeAll
    static void startSystem() {
        String url = RunningSystem.gatewayUrl();
        desk = Gateway.signIn(url, "desk");
        auditor = Gateway.signIn(url, "auditor");
        manager = Gateway.signIn(url, "manager");
    }

    @Test
    @DisplayName("A5 a complaint's export through the gateway verifies with openssl and the served key; a changed "
            + "byte fails; a signed duty day's digest verifies with the same key")
    void exportAndDigestVerifiedWithOpenssl(@TempDir Path folder) throws Exception {
        var complaint = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "SERVICE_ATTITUDE",
                "severity", "NORMAL", "customer", Map.of("name", "张三", "phone", "13800001111"),
                "subject", "导出 / экспорт", "description", "signed export through the gateway"));
        assertThat(complaint.status()).as(String.valueOf(complaint.body())).isEqualTo(201);
        String id = complaint.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(auditor.get("/api/audit/trail?subject=" + id).body().path("total").asLong())
                        .isGreaterThanOrEqualTo(1));

        Gateway.Download key = auditor.download("/api/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        Files.write(folder.resolve("public-key.pem"), key.body());
        Gateway.Download export = auditor.download("/api/audit/export?subject=" + id);
        assertThat(export.status()).as(new String(export.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(export.contentType()).isEqualTo("application/zip");
        assertThat(unzip(export.body(), folder)).containsExactly("export.jsonl", "export.sig");
        String lines = Files.readString(folder.resolve("export.jsonl"));
        assertThat(lines.lines().findFirst().orElseThrow()).contains("\"type\":\"ComplaintReceived\"").contains(id);

        Check verified = openssl(folder, "export.sig", "export.jsonl");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verified OK");
        Path file = folder.resolve("export.jsonl");
        byte[] bytes = Files.readAllBytes(file);
        int at = lines.indexOf(id);
        bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
        Files.write(file, bytes);
        Check tampered = openssl(folder, "export.sig", "export.jsonl");
        assertThat(tampered.exitCode()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).contains("Verification failure");
        assertThat(desk.download("/api/audit/export?subject=" + id).status()).isEqualTo(403);

        // a past day of its own, so that the other tests' days stay unsigned
        LocalDate day = LocalDate.now(MALL).minusYears(1).minusDays(ProcessHandle.current().pid() % 300);
        var signed = manager.post("/api/duty-days/" + day + "/signature", null);
        assertThat(signed.status()).as(String.valueOf(signed.body())).isEqualTo(200);
        Gateway.Download digest = auditor.download("/api/duty-days/" + day + "/signed-digest");
        assertThat(digest.status()).as(new String(digest.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String name = "duty-day-" + day;
        assertThat(unzip(digest.body(), folder)).containsExactly(name + ".jsonl", name + ".sig");
        assertThat(Files.readString(folder.resolve(name + ".jsonl")))
                .contains(signed.body().get("signature").get("digest").asText());
        assertThat(auditor.download("/api/duty-days/public-key").body()).isEqualTo(key.body());
        Check dayVerified = openssl(folder, name + ".sig", name + ".jsonl");
        assertThat(dayVerified.exitCode()).as(dayVerified.output()).isZero();
    }

    private record Check(int exitCode, String output) {
    }

    /** README "Signed exports": {@code openssl dgst -sha256 -verify public-key.pem -signature <sig> <file>}. */
    private static Check openssl(Path folder, String signature, String file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", "public-key.pem", "-signature",
                signature, file).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Check(process.exitValue(), output.trim());
    }

    private static List<String> unzip(byte[] zip, Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Files.write(folder.resolve(entry.getName()), in.readAllBytes());
                names.add(entry.getName());
            }
        }
        return names;
    }
}
