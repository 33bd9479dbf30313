package com.kefu.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolver answers every header as Spring's own does: the same token, no token, or a malformed token. */
class BearerTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZXNrIn0.c2lnbmF0dXJl",
            "bearer abc", "BEARER abc==", "Bearer a-b._~+/c=", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def",
            "Bearer abc=d", "Bearer =", "Bearer ab\tc", "Bearer абв", "Bearerabc", "Basic ZGVzazpkZW1v", "", " Bearer abc",
            "Bearer abc ", "Digest x", "bear abc"})
    void resolvesLikeSpringsResolver(String header) {
        var request = new MockHttpServletRequest();
        request.addHeader("Authorization", header);

        assertThat(answer(() -> new BearerTokens().resolve(request)))
                .isEqualTo(answer(() -> new DefaultBearerTokenResolver().resolve(request)));
    }

    @org.junit.jupiter.api.Test
    void noHeaderNoToken() {
        assertThat(new BearerTokens().resolve(new MockHttpServletRequest())).isNull();
    }

    private static String answer(Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
