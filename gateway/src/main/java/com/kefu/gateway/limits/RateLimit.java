package com.kefu.gateway.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kefu.platform.web.Problems;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Requests per user (per address before sign-in, so a password cannot be guessed at speed): a Bucket4j token
 * bucket of {@code burst} requests that refills at {@code perSecond}, on the monotonic clock. Past it, 429
 * problem details with {@code Retry-After}. The buckets sit in a Caffeine cache bounded in size and forgotten
 * after a quiet while, so a flood of addresses costs memory only up to the bound. A person at a desk never meets
 * it; a script looping on the API does.
 */
public class RateLimit extends OncePerRequestFilter {

    static final int MAX_BUCKETS = 100_000;
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(10);

    private final double perSecond;
    private final long burst;
    private final Duration refillPeriod;
    private final long refillTokens;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets;

    public RateLimit(double perSecond, double burst, ObjectMapper json) {
        this(perSecond, burst, MAX_BUCKETS, json);
    }

    RateLimit(double perSecond, double burst, int maxCallers, ObjectMapper json) {
        if (!(perSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("kefu.gateway.rate-limit: per-second must be above 0 and burst at "
                    + "least 1, not " + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = Math.round(burst);
        // whole tokens over a period: 50/s is 50 each second, 0.5/s is 1 each two seconds
        this.refillTokens = Math.max(1, Math.round(perSecond));
        this.refillPeriod = Duration.ofNanos(Math.round(TimeUnit.SECONDS.toNanos(1) * refillTokens / perSecond));
        this.json = json;
        this.buckets = Caffeine.newBuilder().maximumSize(maxCallers).expireAfterAccess(FORGOTTEN_AFTER).build();
    }

    private Bucket bucket(String caller) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refillTokens, refillPeriod))
                .withNanosecondPrecision()
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(caller(request), this::bucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long wait = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "more than " + (long) perSecond + " requests a second from one user: try again in " + wait + " s"));
    }

    /** How many callers have a bucket now (at most the bound). */
    long callers() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static String caller(HttpServletRequest request) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getName())) {
            return "user:" + user.getName();
        }
        return "address:" + request.getRemoteAddr();
    }
}
