package com.kefu.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services' token check (the decoder of {@link SecurityConfiguration}) refuses every forged token of
 * {@link Tokens#forged()}, and each forgery is what it claims: the services' 401s then prove what they say.
 */
class S4ForgedTokensTest {

    private final ObjectMapper json = new ObjectMapper();

    private JwtDecoder servicesDecoder() {
        var properties = new SecurityProperties(new ClassPathResource("local-keys/jwt-public.pem"), Tokens.ISSUER_NAME,
                Tokens.AUDIENCE, List.of());
        var configuration = new SecurityConfiguration();
        return configuration.jwtDecoder(configuration.publicKeys(properties), properties);
    }

    /** Checks the signature only, not the time: tells an expired token from a badly signed one. */
    private JwtDecoder signatureOnly() throws Exception {
        try (InputStream pem = new ClassPathResource("local-keys/jwt-public.pem").getInputStream()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(RsaKeyConverters.x509().convert(pem)).build();
            decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
            return decoder;
        }
    }

    private JsonNode part(String bearer, int index) throws Exception {
        String part = bearer.substring("Bearer ".length()).split("\\.")[index];
        return json.readTree(Base64.getUrlDecoder().decode(part));
    }

    @Test
    @DisplayName("S4 P5 P6 a valid token passes; expired, tampered, foreign-key, alg:none, HS256 and unsigned ones do "
            + "not, nor one of another issuer, for another audience or naming no key")
    void forgedTokensAreRefused() throws Exception {
        JwtDecoder decoder = servicesDecoder();
        assertThat(decoder.decode(Tokens.bearer("admin", "ADMIN").substring(7)).getClaimAsStringList("roles"))
                .containsExactly("ADMIN");
        Tokens.forged().forEach((what, authorization) -> {
            if (authorization != null && authorization.startsWith("Bearer ") && authorization.length() > 7) {
                assertThatThrownBy(() -> decoder.decode(authorization.substring(7))).as(what)
                        .isInstanceOf(JwtException.class);
            }
        });
    }

    @Test
    @DisplayName("S4 each forged token is what it claims: expired but well signed, tampered with its signature kept, "
            + "signed by another key, alg none")
    void forgeriesAreWhatTheyClaim() throws Exception {
        JwtDecoder signatureOnly = signatureOnly();

        String expired = Tokens.expired("admin", "ADMIN").substring(7);
        var decoded = signatureOnly.decode(expired);
        assertThat(decoded.getExpiresAt()).isBefore(Instant.now().minusSeconds(3600));

        String valid = Tokens.bearer("admin", "FRONT_DESK");
        String tampered = Tokens.tampered("admin", "ADMIN");
        assertThat(part(tampered, 1).get("roles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(part(tampered, 0)).isEqualTo(part(valid, 0));
        assertThatThrownBy(() -> signatureOnly.decode(tampered.substring(7))).isInstanceOf(JwtException.class);

        String foreign = Tokens.signedByAnotherKey("admin", "ADMIN");
        assertThat(part(foreign, 0).get("alg").asText()).isEqualTo("RS256");
        assertThatThrownBy(() -> signatureOnly.decode(foreign.substring(7))).isInstanceOf(JwtException.class);

        String none = Tokens.unsigned("admin", "ADMIN");
        assertThat(part(none, 0).get("alg").asText()).isEqualTo("none");
        assertThat(none).endsWith(".");
        assertThat(part(Tokens.hmacWithPublicKey("admin", "ADMIN"), 0).get("alg").asText()).isEqualTo("HS256");

        // well signed, and wrong only in what they say they are
        String elsewhere = Tokens.forged().get("another issuer").substring(7);
        assertThat(signatureOnly.decode(elsewhere).getClaimAsString("iss")).isEqualTo("https://kefu.elsewhere.example");
        assertThat(signatureOnly.decode(elsewhere).getAudience()).containsExactly(Tokens.AUDIENCE);
        String otherAudience = Tokens.forged().get("another audience").substring(7);
        assertThat(signatureOnly.decode(otherAudience).getAudience()).containsExactly("another-api");
        assertThat(signatureOnly.decode(otherAudience).getClaimAsString("iss")).isEqualTo(Tokens.ISSUER_NAME);
        String noKeyId = Tokens.withoutKeyId("admin", "ADMIN");
        assertThat(signatureOnly.decode(noKeyId.substring(7)).getClaimAsStringList("roles")).containsExactly("ADMIN");
        assertThat(part(noKeyId, 0).has("kid")).isFalse();
        assertThat(part(valid, 0).get("kid").asText()).isNotBlank();
    }
}
