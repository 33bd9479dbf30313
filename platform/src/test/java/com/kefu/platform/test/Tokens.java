package com.kefu.platform.test;

import com.kefu.platform.security.TokenIssuer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bearer tokens signed with the local key pair, to call a service as a given user in tests; and forged ones. */
public final class Tokens {

    /** The defaults of every profile but production's (kefu-defaults.yml): the tests' services check these. */
    public static final String ISSUER_NAME = "kefu-gateway";
    public static final String AUDIENCE = "kefu-api";

    private static final ClassPathResource PUBLIC_KEY = new ClassPathResource("local-keys/jwt-public.pem");
    private static final TokenIssuer ISSUER = issuer(ISSUER_NAME, AUDIENCE);

    private Tokens() {
    }

    public static String bearer(String username, String... roles) {
        return "Bearer " + ISSUER.issue(username, List.of(roles), null);
    }

    public static String departmentBearer(String username, String department) {
        return "Bearer " + ISSUER.issue(username, List.of("DEPARTMENT"), department);
    }

    /** A token of the given role as the tests use it: DEPARTMENT users belong to {@code security}. */
    public static String of(String role) {
        return "DEPARTMENT".equals(role) ? departmentBearer("security-user", "security")
                : bearer(role.toLowerCase().replace('_', '-'), role);
    }

    /**
     * Authorization headers every service must answer with 401, by what is wrong with them. Each would let an
     * ADMIN in if it were accepted.
     */
    public static Map<String, String> forged() {
        return Forged.TOKENS;
    }

    /** Made once: another key pair takes a while to generate. */
    private static final class Forged {
        private static final Map<String, String> TOKENS = Collections.unmodifiableMap(make());
    }

    private static Map<String, String> make() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("expired", expired("admin", "ADMIN"));
        forged.put("tampered", tampered("admin", "ADMIN"));
        forged.put("signed by another key", signedByAnotherKey("admin", "ADMIN"));
        forged.put("alg none", unsigned("admin", "ADMIN"));
        forged.put("HS256 keyed with the public key", hmacWithPublicKey("admin", "ADMIN"));
        forged.put("another issuer", "Bearer " + issuer("https://kefu.elsewhere.example", AUDIENCE)
                .issue("admin", List.of("ADMIN"), null));
        forged.put("another audience", "Bearer " + issuer(ISSUER_NAME, "another-api")
                .issue("admin", List.of("ADMIN"), null));
        forged.put("no key id", withoutKeyId("admin", "ADMIN"));
        forged.put("signature stripped", stripped("admin", "ADMIN"));
        forged.put("not a JWT", "Bearer not-a-token");
        forged.put("empty bearer", "Bearer ");
        forged.put("Basic scheme",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        return forged;
    }

    /** Signed with the right key, expired two hours ago (well past any clock skew allowed). */
    public static String expired(String username, String... roles) {
        var issuer = new TokenIssuer(publicKey(), privateKey(), ISSUER_NAME, AUDIENCE, Duration.ofMinutes(5),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        return "Bearer " + issuer.issue(username, List.of(roles), null);
    }

    /** A valid FRONT_DESK token whose payload was rewritten to name {@code roles}; the signature is kept. */
    public static String tampered(String username, String... roles) {
        String[] parts = ISSUER.issue(username, List.of("FRONT_DESK"), null).split("\\.");
        String payload = decode(parts[1]).replace("\"FRONT_DESK\"", quotedList(roles));
        return "Bearer " + parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** Signed, correctly, with a key pair the services have never seen. */
    public static String signedByAnotherKey(String username, String... roles) {
        KeyPair other = generateKeyPair();
        var issuer = new TokenIssuer((RSAPublicKey) other.getPublic(), (RSAPrivateKey) other.getPrivate(),
                ISSUER_NAME, AUDIENCE, Duration.ofHours(1), Clock.systemUTC());
        return "Bearer " + issuer.issue(username, List.of(roles), null);
    }

    /** Signed with the local key, by an issuer for an audience of its own (P5: the services check both). */
    public static TokenIssuer issuer(String issuer, String audience) {
        return new TokenIssuer(publicKey(), privateKey(), issuer, audience, Duration.ofHours(1), Clock.systemUTC());
    }

    /**
     * A valid token whose header names no key, signed again with the right key (P6: a token must name its key; the
     * services do not try every key they know).
     */
    public static String withoutKeyId(String username, String... roles) {
        String[] parts = ISSUER.issue(username, List.of(roles), null).split("\\.");
        String signed = encode("{\"alg\":\"RS256\"}") + "." + parts[1];
        try {
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: the payload of a valid token, no signature. */
    public static String unsigned(String username, String... roles) {
        String[] parts = ISSUER.issue(username, List.of(roles), null).split("\\.");
        return "Bearer " + encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /** The algorithm-confusion attack: HS256 with the (public) verification key as the HMAC secret. */
    public static String hmacWithPublicKey(String username, String... roles) {
        String[] parts = ISSUER.issue(username, List.of(roles), null).split("\\.");
        String signed = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1];
        try (var pem = PUBLIC_KEY.getInputStream()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem.readAllBytes(), "HmacSHA256"));
            byte[] signature = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid RS256 header and payload without their signature. */
    public static String stripped(String username, String... roles) {
        String[] parts = ISSUER.issue(username, List.of(roles), null).split("\\.");
        return "Bearer " + parts[0] + "." + parts[1] + ".";
    }

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey publicKey() {
        try (var pem = PUBLIC_KEY.getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RSAPrivateKey privateKey() {
        try (var pem = new ClassPathResource("local-keys/jwt-private.pem").getInputStream()) {
            return RsaKeyConverters.pkcs8().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quotedList(String... roles) {
        return String.join(",", Arrays.stream(roles).map(r -> "\"" + r + "\"").toList());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
