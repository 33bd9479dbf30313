package com.kefu.platform.test;

import com.kefu.platform.security.TokenIssuer;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.List;

/** Bearer tokens signed with the local key pair, to call a service as a given user in tests. */
public final class Tokens {

    private static final TokenIssuer ISSUER = TokenIssuer.fromPem(
            new ClassPathResource("local-keys/jwt-public.pem"),
            new ClassPathResource("local-keys/jwt-private.pem"),
            Duration.ofHours(1));

    private Tokens() {
    }

    public static String bearer(String username, String... roles) {
        return "Bearer " + ISSUER.issue(username, List.of(roles), null);
    }

    public static String departmentBearer(String username, String department) {
        return "Bearer " + ISSUER.issue(username, List.of("DEPARTMENT"), department);
    }
}
