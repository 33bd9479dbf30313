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
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signs the tokens every service verifies: subject = user name, {@code roles}, and {@code department} for
 * DEPARTMENT users. The gateway issues them at login; tests issue them to act as a given user.
 */
public class TokenIssuer {

    public static final String ISSUER = "kefu-gateway";

    private final NimbusJwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(RSAPublicKey publicKey, RSAPrivateKey privateKey, Duration lifetime, Clock clock) {
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public static TokenIssuer fromPem(Resource publicKey, Resource privateKey, Duration lifetime) {
        try (InputStream pub = publicKey.getInputStream(); InputStream priv = privateKey.getInputStream()) {
            return new TokenIssuer(RsaKeyConverters.x509().convert(pub), RsaKeyConverters.pkcs8().convert(priv),
                    lifetime, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing keys", e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String username, List<String> roles, String department) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(CurrentUser.ROLES_CLAIM, roles);
        if (department != null) {
            claims.claim(CurrentUser.DEPARTMENT_CLAIM, department);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
