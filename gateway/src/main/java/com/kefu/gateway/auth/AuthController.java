package com.kefu.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kefu.platform.security.TokenIssuer;
import com.kefu.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code POST /api/auth/token}: a user name and password in, a signed token with the user's roles out. */
@RestController
class AuthController {

    /** Compared against when the user is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String NOBODY = "$2a$10$.hpojccNq3SFIc6ZwrUw6Ogw0HEZP9gEyqSp965aSidblNGcMvm7u";

    private final Map<String, GatewayProperties.User> users;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;

    AuthController(GatewayProperties properties, PasswordEncoder passwords, TokenIssuer tokens) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(GatewayProperties.User::username, Function.identity()));
        this.passwords = passwords;
        this.tokens = tokens;
    }

    record Credentials(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password) {
    }

    record Token(@JsonProperty("access_token") String accessToken,
                 @JsonProperty("token_type") String tokenType,
                 @JsonProperty("expires_in") long expiresIn) {
    }

    @Operation(summary = "Signs in with a user name and password and returns a bearer token")
    @PostMapping("/api/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
        GatewayProperties.User user = users.get(credentials.username());
        boolean matches = passwords.matches(credentials.password(), user == null ? NOBODY : user.passwordHash());
        if (user == null || !matches) {
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                    "unknown user name or wrong password");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        String token = tokens.issue(user.username(), user.roles(), user.department());
        return ResponseEntity.ok(new Token(token, "Bearer", tokens.lifetime().toSeconds()));
    }
}
