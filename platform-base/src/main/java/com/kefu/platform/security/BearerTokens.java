package com.kefu.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header, under the rule of Spring's {@link DefaultBearerTokenResolver}
 * (RFC 6750: {@code Bearer} in any case, one space, a token68; anything else after {@code Bearer} is a malformed
 * token, another scheme is no token), checked character by character instead of by its regular expression, which
 * was the largest single cost of the security filters per request (JFR under deploy/bench load, issue 13).
 * Tokens in the query or a form are not taken, as by default.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int start = SCHEME.length() + 1;
        if (header.length() <= start || header.charAt(SCHEME.length()) != ' ') {
            throw malformed();
        }
        int at = start;
        while (at < header.length() && tokenCharacter(header.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw malformed();
        }
        while (at < header.length() && header.charAt(at) == '=') {
            at++;
        }
        if (at != header.length()) {
            throw malformed();
        }
        return header.substring(start);
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        BearerTokenError error = BearerTokenErrors.invalidToken("Bearer token is malformed");
        return new OAuth2AuthenticationException(error);
    }
}
