package com.kefu.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.util.List;

/**
 * @param publicKey   the gateway's public key (PEM) that every token must be signed with; the local profile
 *                    uses the key pair under {@code local-keys/}, every other profile must name its own
 * @param publicPaths paths that need no token (health, metrics, API documentation, the login)
 */
@ConfigurationProperties("kefu.security")
public record SecurityProperties(Resource publicKey, List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
