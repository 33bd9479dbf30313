package com.kefu.gateway.proxy;

import com.kefu.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * A route whose service does not answer (stopped, restarting, unreachable) is a 503 problem with {@code Retry-After},
 * not the catch-all's 500: nothing was done, and the client may send the same request again shortly.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServiceUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> unreachable(ResourceAccessException unreachable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "the service behind this path does not answer at the moment; try again shortly"));
    }
}
