package com.kefu.gateway.proxy;

import com.kefu.platform.web.Problems;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * A route whose service does not answer (stopped, restarting, unreachable) is a 503 problem with {@code Retry-After},
 * not the catch-all's 500: nothing was done, and the client may send the same request again shortly.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServiceUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final String NOT_ANSWERING =
            "the service behind this path does not answer at the moment; try again shortly";
    private static final String OUTCOME_UNKNOWN = "the service behind this path stopped while it answered; whether "
            + "the request was done is not known: read it back, or send it again with the same Idempotency-Key";

    /**
     * No answer from the service: when the connection was never made (refused, unknown host, connect timeout) nothing
     * was sent; otherwise the request may have reached the instance before its connection was lost (reset, closed,
     * read timeout), which is {@link #diedWhileAnswering}'s case.
     */
    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> unreachable(ResourceAccessException unreachable) {
        return neverSent(unreachable) ? unavailable(NOT_ANSWERING) : unavailable(OUTCOME_UNKNOWN);
    }

    private static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instance died while it answered (its connection closed in the middle of the answer's body, R6): the request
     * may have been done or not, so the client reads the record back or sends the request again with the same
     * {@code Idempotency-Key}. A 503 like the one above, not the catch-all's 500. (A client that went away is Tomcat's
     * {@code ClientAbortException}, not one of these.)
     */
    @ExceptionHandler({ConnectionClosedException.class, MalformedChunkCodingException.class, SocketException.class})
    ResponseEntity<ProblemDetail> diedWhileAnswering(IOException cut) {
        return unavailable(OUTCOME_UNKNOWN);
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", detail));
    }
}
