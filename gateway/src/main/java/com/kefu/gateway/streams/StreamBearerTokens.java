package com.kefu.gateway.streams;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where the gateway finds a request's bearer token: the {@code Authorization} header, and for the live streams also
 * the {@code access_token} query parameter (RFC 6750 §2.3), because a browser's {@code EventSource} cannot send
 * headers. Everywhere else a token in the URL is ignored: URLs end up in logs and browser histories.
 */
final class StreamBearerTokens implements BearerTokenResolver {

    static final String STREAMS = "/api/streams/";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

    StreamBearerTokens() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean stream = "GET".equals(request.getMethod()) && path.startsWith(STREAMS);
        return stream ? headerOrQuery.resolve(request) : header.resolve(request);
    }
}
