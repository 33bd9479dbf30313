package com.kefu.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.util.List;

/**
 * @param signingKey    the private key (PKCS#8 PEM) tokens are signed with; its public half is every service's
 *                      {@code kefu.security.public-key}
 * @param tokenLifetime how long a token is valid
 * @param users         the staff who may sign in, with bcrypt password hashes
 */
@ConfigurationProperties("kefu.gateway")
public record GatewayProperties(Resource signingKey, Duration tokenLifetime, List<User> users) {

    public GatewayProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A member of staff: roles as in REQUIREMENTS.md, a department for DEPARTMENT users. */
    public record User(String username, String passwordHash, List<String> roles, String department) {
    }
}
