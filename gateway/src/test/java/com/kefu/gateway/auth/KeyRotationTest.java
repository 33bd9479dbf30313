package com.kefu.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.security.PublicKeys;
import com.kefu.platform.security.SecurityProperties;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway in the middle of a key rotation (P6): its {@code kefu.security.public-key} holds the old key (the local
 * one) and a new one, it signs with the new one. It publishes both in its JWKS document, its tokens name the new key,
 * and a token signed with the old key before the switch still passes it; a token of another issuer or for another
 * audience does not (P5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class KeyRotationTest {

    private static final KeyPair NEW = generate();
    private static final Path KEYS = writeKeys();
    private static final HttpServer complaintService = startComplaintService();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kefu.security.public-key", () -> "file:" + KEYS.resolve("jwt-public.pem"));
        registry.add("kefu.gateway.signing-key", () -> "file:" + KEYS.resolve("jwt-private.pem"));
        registry.add("COMPLAINT_SERVICE_URL", () -> "http://127.0.0.1:" + complaintService.getAddress().getPort());
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @AfterAll
    static void stop() {
        complaintService.stop(0);
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    private RestClient api() {
        return Api.client(port);
    }

    private ResponseEntity<String> complaints(String authorization) {
        return api().get().uri("/api/complaints").header("Authorization", authorization).retrieve()
                .toEntity(String.class);
    }

    private static String kid(KeyPair keys) {
        return PublicKeys.of((RSAPublicKey) keys.getPublic()).getKeyID();
    }

    private static String localKid() {
        try (InputStream pem = new ClassPathResource("local-keys/jwt-public.pem").getInputStream()) {
            return PublicKeys.of(RsaKeyConverters.x509().convert(pem)).getKeyID();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("P6 GET /.well-known/jwks.json, without a token, lists every valid key by its kid, public halves only")
    void p6TheJwksDocumentListsBothKeysOfTheRotation() throws IOException {
        ResponseEntity<String> response = api().get().uri("/.well-known/jwks.json").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode keys = json.readTree(response.getBody()).get("keys");
        List<String> kids = new ArrayList<>();
        for (JsonNode key : keys) {
            kids.add(key.get("kid").asText());
            assertThat(key.get("kty").asText()).isEqualTo("RSA");
            assertThat(key.get("alg").asText()).isEqualTo("RS256");
            assertThat(key.get("use").asText()).isEqualTo("sig");
            assertThat(key.has("n") && key.has("e")).isTrue();
            assertThat(key.has("d") || key.has("p") || key.has("q")).as("a private part").isFalse();
        }
        assertThat(kids).containsExactlyInAnyOrder(localKid(), kid(NEW));
    }

    @Test
    @DisplayName("P5 P6 the gateway signs with the new key (its kid, issuer and audience in the token); a token of "
            + "the old key passes beside it; another issuer, another audience or no kid is a 401 problem")
    void p6TheOldKeysTokenPassesWhileTheNewKeySigns() throws IOException {
        var login = api().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "desk", "password", "demo")).retrieve().toEntity(JsonNode.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        String token = login.getBody().get("access_token").asText();
        String[] parts = token.split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("kid").asText()).isEqualTo(kid(NEW));
        assertThat(claims.get("iss").asText()).isEqualTo(Tokens.ISSUER_NAME);
        assertThat(claims.get("aud").toString()).contains(Tokens.AUDIENCE);

        assertThat(complaints("Bearer " + token).getStatusCode().value()).isEqualTo(200);
        // signed with the old (local) key before the switch
        assertThat(complaints(Tokens.bearer("head", "CS_HEAD")).getStatusCode().value()).isEqualTo(200);

        for (String forged : List.of("another issuer", "another audience", "no key id", "signed by another key")) {
            ResponseEntity<String> refused = complaints(Tokens.forged().get(forged));
            assertThat(refused.getStatusCode().value()).as(forged).isEqualTo(401);
            assertThat(refused.getHeaders().getContentType().toString()).as(forged)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).as(forged).startsWith("Bearer");
        }
    }

    @Test
    @DisplayName("P6 a gateway whose signing key is not among the published keys refuses to start, naming both")
    void p6ASigningKeyTheServicesWouldNotKnowIsRefused() {
        var security = new SecurityProperties(new ClassPathResource("local-keys/jwt-public.pem"), Tokens.ISSUER_NAME,
                Tokens.AUDIENCE, List.of());
        var gateway = new GatewayProperties(new FileSystemResource(KEYS.resolve("jwt-private.pem")),
                Duration.ofHours(1), List.of());
        assertThatThrownBy(() -> new AuthConfiguration().tokenIssuer(gateway, security,
                PublicKeys.read(security.publicKey()), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(kid(NEW)).hasMessageContaining(localKid())
                .hasMessageContaining("kefu.security.public-key");
    }

    /** The local public key and the new one in one file, as during a rotation; the new private key. */
    private static Path writeKeys() {
        try {
            Path dir = Files.createTempDirectory("kefu-keys");
            dir.toFile().deleteOnExit();
            String local;
            try (InputStream pem = new ClassPathResource("local-keys/jwt-public.pem").getInputStream()) {
                local = new String(pem.readAllBytes(), StandardCharsets.US_ASCII);
            }
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            Files.writeString(dir.resolve("jwt-public.pem"), local + "\n-----BEGIN PUBLIC KEY-----\n"
                    + base64.encodeToString(NEW.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            Files.writeString(dir.resolve("jwt-private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + base64.encodeToString(NEW.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            dir.resolve("jwt-public.pem").toFile().deleteOnExit();
            dir.resolve("jwt-private.pem").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** complaint-service as the gateway sees it: answers every request with 200. */
    private static HttpServer startComplaintService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
