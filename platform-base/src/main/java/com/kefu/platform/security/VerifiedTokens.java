package com.kefu.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * A token whose signature was verified once is not verified again while it is cached: the RSA check was a tenth of
 * a request's CPU, twice per request through the gateway (JFR under deploy/bench load). The cache is keyed by the
 * whole token text, so a token changed in any byte is a new key and verified in full; expiry is checked on every use.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> timestamps = new JwtTimestampValidator();
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, int size, Duration lifetime) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(lifetime).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        var result = timestamps.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the token has expired", result.getErrors());
        }
        return jwt;
    }
}
