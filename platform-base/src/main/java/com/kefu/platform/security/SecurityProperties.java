package com.kefu.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.util.List;

/**
 * @param publicKey   the gateway's public keys (PEM, one {@code PUBLIC KEY} block per key: two during a rotation, P6)
 *                    that a token must be signed with, the one its {@code kid} names; the local profile uses the key
 *                    pair under {@code local-keys/}, every other profile must name its own
 * @param issuer      the {@code iss} every token must carry and the gateway writes into its tokens (P5)
 * @param audience    the {@code aud} every token must include and the gateway writes into its tokens (P5)
 * @param publicPaths paths that need no token (health, metrics, API documentation, the login)
 */
@ConfigurationProperties("kefu.security")
public record SecurityProperties(Resource publicKey, String issuer, String audience, List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
