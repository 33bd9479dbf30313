package com.kefu.gateway.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per user (per address before sign-in, so a password cannot be guessed at speed): a token bucket of
 * {@code burst} requests that refills at {@code perSecond}. Past it, 429 problem details with {@code Retry-After}.
 * A person at a desk never meets it; a script looping on the API does.
 */
public class RateLimit extends OncePerRequestFilter {

    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = System.nanoTime();

        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // a flood of addresses: start over rather than grow without end
        }
        long wait = buckets.computeIfAbsent(caller(request), key -> new Bucket()).take();
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"urn:kefu:problem:too-many-requests\",\"title\":\"Too Many "
                + "Requests\",\"status\":429,\"detail\":\"more than " + (long) perSecond
                + " requests a second from one user: try again in " + Math.max(1, wait) + " s\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String caller(HttpServletRequest request) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getName())) {
            return "user:" + user.getName();
        }
        return "address:" + request.getRemoteAddr();
    }
}
