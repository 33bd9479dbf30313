package com.kefu.platform.signing;

import com.kefu.platform.test.SignedArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A5 the signing key: an RSA PKCS#8 key of at least 2048 bits, nothing else; what it signs through {@link SignedFiles}
 * openssl verifies with the public half it derives, and refuses once a byte has changed.
 */
class SigningKeyTest {

    private static final SigningKey KEY = SigningKey.read(new ClassPathResource("local-keys/signing-private.pem"));

    @Test
    @DisplayName("A5 a file written through SignedFiles in pieces verifies with openssl; a changed byte does not")
    void signedFileVerifiesWithOpenssl() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        SignedFiles.write(zip, KEY, "export.jsonl", Instant.parse("2026-12-07T10:00:00Z"), out -> {
            for (int i = 0; i < 20_000; i++) {
                out.write(("{\"n\":" + i + ",\"text\":\"投诉 / жалоба\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        SignedArchive archive = SignedArchive.unpack(zip.toByteArray(), KEY.publicKeyPem());
        assertThat(archive.names()).containsExactly("export.jsonl", "export.sig");
        assertThat(archive.text("export.jsonl").lines()).hasSize(20_000);
        SignedArchive.Check check = archive.verify("export.jsonl");
        assertThat(check.verified()).as(check.output()).isTrue();
        archive.tamper("export.jsonl", 5);
        assertThat(archive.verify("export.jsonl").verified()).isFalse();
    }

    @Test
    @DisplayName("A5 a key that is not a PKCS#8 RSA key of 2048 bits or more is refused, naming why")
    void refusesOtherKeys() throws Exception {
        assertThatThrownBy(() -> SigningKey.parse("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
                "old.pem")).hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> SigningKey.parse(pem(generate("Ed25519", 0)), "ed.pem"))
                .hasMessageContaining("not an RSA private key");
        assertThatThrownBy(() -> SigningKey.parse(pem(generate("RSA", 1024)), "small.pem"))
                .hasMessageContaining("1024 bits");
        SigningKey fresh = SigningKey.parse(pem(generate("RSA", 2048)), "fresh.pem");
        byte[] signature = fresh.sign("duty day".getBytes(StandardCharsets.UTF_8));
        assertThat(fresh.verifies("duty day".getBytes(StandardCharsets.UTF_8), signature)).isTrue();
        assertThat(KEY.verifies("duty day".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    private static byte[] generate(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            generator.initialize(bits);
        }
        return generator.generateKeyPair().getPrivate().getEncoded();
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
