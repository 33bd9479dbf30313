package com.kefu.platform.security;

import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * P6: the token keys rotate without signing anyone out. The services' decoder (of {@link SecurityConfiguration})
 * checks a token with the key its {@code kid} names among the keys of {@code kefu.security.public-key}; during a
 * rotation that file holds the old key and the new one, so the tokens signed with the old key before the switch pass
 * beside the new key's, until the old key is taken out.
 */
class P6KeyRotationTest {

    private static final KeyPair OLD = localKeys();
    private static final KeyPair NEW = generate();

    @Test
    @DisplayName("P6 during a rotation both keys are valid: a token signed with the old key still passes while the "
            + "new key signs new tokens; once the old key is taken out its tokens are refused")
    void p6ATokenOfTheOldKeyPassesWhileTheNewKeySignsUntilTheOldKeyIsTakenOut() {
        String beforeTheRotation = issuer(OLD).issue("head", List.of("CS_HEAD"), null);

        // 1. every service gets both keys; the gateway still signs with the old one
        JwtDecoder both = decoder(pem(OLD, NEW));
        assertThat(both.decode(beforeTheRotation).getSubject()).isEqualTo("head");

        // 2. the gateway signs with the new key: old and new tokens pass side by side
        String afterTheSwitch = issuer(NEW).issue("desk", List.of("FRONT_DESK"), null);
        assertThat(both.decode(afterTheSwitch).getSubject()).isEqualTo("desk");
        assertThat(both.decode(beforeTheRotation).getSubject()).isEqualTo("head");

        // 3. a token lifetime later the old key goes: its tokens are refused, the new key's pass
        JwtDecoder onlyTheNew = decoder(pem(NEW));
        assertThat(onlyTheNew.decode(afterTheSwitch).getSubject()).isEqualTo("desk");
        assertThatThrownBy(() -> onlyTheNew.decode(issuer(OLD).issue("head", List.of("CS_HEAD"), null)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    @DisplayName("P6 each token names its key by the key's RFC 7638 thumbprint, and is checked with that key only: "
            + "the old key's signature under the new key's kid is refused")
    void p6ATokenIsCheckedWithTheKeyItsKidNames() {
        PublicKeys keys = PublicKeys.parse(pem(OLD, NEW), "the test's keys");
        String oldKid = PublicKeys.of((RSAPublicKey) OLD.getPublic()).getKeyID();
        String newKid = PublicKeys.of((RSAPublicKey) NEW.getPublic()).getKeyID();
        assertThat(keys.keyIds()).containsExactly(oldKid, newKid);
        assertThat(issuer(NEW).keyId()).isEqualTo(newKid);
        assertThat(header(issuer(NEW).issue("desk", List.of("FRONT_DESK"), null)))
                .contains("\"kid\":\"" + newKid + "\"");
        // the same key read again has the same name: nothing to keep in step between the gateway and the services
        assertThat(PublicKeys.parse(pem(NEW), "again").keyIds()).containsExactly(newKid);

        String token = issuer(OLD).issue("admin", List.of("ADMIN"), null);
        String misnamed = resign(token, "{\"kid\":\"" + newKid + "\",\"alg\":\"RS256\"}", OLD);
        JwtDecoder both = decoder(pem(OLD, NEW));
        assertThat(both.decode(resign(token, "{\"kid\":\"" + oldKid + "\",\"alg\":\"RS256\"}", OLD)).getSubject())
                .isEqualTo("admin");
        assertThatThrownBy(() -> both.decode(misnamed)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> both.decode(resign(token, "{\"kid\":\"no-such-key\",\"alg\":\"RS256\"}", OLD)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    @DisplayName("P6 a key file without a public key, or with a private key in it, is refused at the start")
    void p6AKeyFileWithoutAPublicKeyIsRefused() {
        assertThatThrownBy(() -> PublicKeys.parse("REPLACE-ME: its public half", "secrets.yaml's placeholder"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no -----BEGIN PUBLIC KEY----- block");
        String privateKey = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(OLD.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PublicKeys.parse(privateKey, "a private key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no -----BEGIN PUBLIC KEY----- block");
    }

    private static JwtDecoder decoder(String pem) {
        var properties = new SecurityProperties(new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII)),
                Tokens.ISSUER_NAME, Tokens.AUDIENCE, List.of());
        var configuration = new SecurityConfiguration();
        return configuration.jwtDecoder(configuration.publicKeys(properties), properties);
    }

    private static TokenIssuer issuer(KeyPair keys) {
        return new TokenIssuer((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate(), Tokens.ISSUER_NAME,
                Tokens.AUDIENCE, Duration.ofHours(1), Clock.systemUTC());
    }

    static String pem(KeyPair... pairs) {
        StringBuilder pem = new StringBuilder();
        for (KeyPair pair : pairs) {
            pem.append("-----BEGIN PUBLIC KEY-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPublic().getEncoded()))
                    .append("\n-----END PUBLIC KEY-----\n");
        }
        return pem.toString();
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    /** The token's claims under another header, signed with {@code keys}' private key. */
    private static String resign(String token, String header, KeyPair keys) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + token.split("\\.")[1];
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair localKeys() {
        try (InputStream pub = new ClassPathResource("local-keys/jwt-public.pem").getInputStream();
             InputStream priv = new ClassPathResource("local-keys/jwt-private.pem").getInputStream()) {
            return new KeyPair(RsaKeyConverters.x509().convert(pub), RsaKeyConverters.pkcs8().convert(priv));
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
}
