package com.kefu.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.util.List;

/**
 * @param signingKey    the private key (PKCS#8 PEM) tokens are signed with; its public half is every service's
 *                      {@code kefu.security.public-key}
 * @param tokenLifetime how long an access token is valid: short, since a service that gets a request straight (not
 *                      through the gateway) checks only its signature; the console renews it with its refresh token
 * @param users         accounts created at start when they do not exist yet (bcrypt password hashes): the local
 *                      profile's demo users, an installation's first ADMIN. The accounts themselves live in the
 *                      gateway's database (README "User accounts")
 */
@ConfigurationProperties("kefu.gateway")
public record GatewayProperties(Resource signingKey, Duration tokenLifetime, List<User> users) {

    public GatewayProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(15) : tokenLifetime;
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A member of staff: one role as in REQUIREMENTS.md, a department for DEPARTMENT users. */
    public record User(String username, String passwordHash, List<String> roles, String department) {
    }
}
