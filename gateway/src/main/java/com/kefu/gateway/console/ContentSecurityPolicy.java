package com.kefu.gateway.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The console's pages carry a Content-Security-Policy (P3) that allows what they load and nothing else: scripts,
 * styles, fragments and translations from the gateway itself (Alpine.js and Chart.js from its WebJars), the API and
 * the live streams on the same origin, photos and audio the pages fetch with the user's token and show as
 * {@code blob:} URLs, and the photos inside a printed form (the emergency incident form carries them as {@code data:}
 * URLs, so that the page stands alone; a page opened from a {@code blob:} URL keeps this policy). Alpine.js evaluates its attribute expressions ({@code 'unsafe-eval'}); the pages' own
 * {@code style} attributes and blocks need {@code 'unsafe-inline'} for styles, never for scripts. No plugin, no frame,
 * no form posted elsewhere, no page framing the console.
 */
final class ContentSecurityPolicy extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/") || path.equals("/index.html") || path.equals("/console")
                || path.startsWith("/console/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        chain.doFilter(request, response);
    }
}
