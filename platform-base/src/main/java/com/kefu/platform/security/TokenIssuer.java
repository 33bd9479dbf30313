package com.kefu.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signs the tokens every service verifies: issuer and audience (P5, {@code kefu.security.issuer} and
 * {@code kefu.security.audience}), subject = user name, {@code roles}, and {@code department} for DEPARTMENT users;
 * the header names the signing key by its thumbprint ({@code kid}, P6, {@link PublicKeys}). The gateway issues them
 * at login; tests issue them to act as a given user.
 */
public class TokenIssuer {

    private final NimbusJwtEncoder encoder;
    private final String keyId;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(RSAPublicKey publicKey, RSAPrivateKey privateKey, String issuer, String audience,
                       Duration lifetime, Clock clock) {
        RSAKey key = new RSAKey.Builder(PublicKeys.of(publicKey)).privateKey(privateKey).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.keyId = key.getKeyID();
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Signs with the private key of the PEM file (PKCS#8, RSA); its public half is computed from it. */
    public static TokenIssuer fromPem(Resource privateKey, String issuer, String audience, Duration lifetime,
                                      Clock clock) {
        try (InputStream priv = privateKey.getInputStream()) {
            RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(priv);
            return new TokenIssuer(publicHalf(key), key, issuer, audience, lifetime, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key", e);
        }
    }

    private static RSAPublicKey publicHalf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the token signing key must be a whole RSA private key (PKCS#8, as "
                    + "openssl genpkey writes it), its public half is computed from it");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The thumbprint of the key it signs with, which every token's header names. */
    public String keyId() {
        return keyId;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String username, List<String> roles, String department) {
        return issue(username, roles, department, Map.of());
    }

    /**
     * A token with claims of the issuer's own besides (the gateway: the account's token generation, by which it ends
     * the tokens of a disabled account or of a changed password).
     */
    public String issue(String username, List<String> roles, String department, Map<String, Object> more) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(CurrentUser.ROLES_CLAIM, roles);
        if (department != null) {
            claims.claim(CurrentUser.DEPARTMENT_CLAIM, department);
        }
        more.forEach(claims::claim);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
