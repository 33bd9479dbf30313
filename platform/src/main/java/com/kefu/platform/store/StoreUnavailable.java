package com.kefu.platform.store;

import com.kefu.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The service's database is down or unreachable (stopped, restarting, failed over): 503 problem details with
 * {@code Retry-After}, never a 500 — the request did nothing, and the client may send it again (R6). Matched anywhere
 * in the cause chain, since the framework wraps what the driver threw. Before the general problem handler, after
 * Axon's (a concurrent append is a 409 whatever it wraps).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class StoreUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);

    /**
     * No connection, a connection lost, or a transaction that could not be ended (its connection was closed under it
     * when the database went away; Spring then reports the failed rollback, not what failed first).
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
            DataAccessResourceFailureException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception down) {
        return answer(down);
    }

    /** What the driver threw unwrapped (Axon's event store): only a lost or refused connection is an outage. */
    @ExceptionHandler(SQLException.class)
    ResponseEntity<ProblemDetail> sql(SQLException error) {
        if (isOutage(error)) {
            return answer(error);
        }
        log.error("unexpected error", error);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "something went wrong on our side; it has been logged"));
    }

    /**
     * Whether the database being unreachable is what this failed of, anywhere in its causes: what this advice answers
     * 503 to, and what a Kafka listener retries for as long as it lasts instead of giving the record up to the
     * dead-letter topic ({@code MessagingConfiguration}).
     */
    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException || cause instanceof TransactionSystemException
                    || cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down, crashed, not accepting yet),
     * or the pool finding no connection in time.
     */
    static boolean isOutage(SQLException error) {
        String state = error.getSQLState();
        return error instanceof SQLTransientConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private static ResponseEntity<ProblemDetail> answer(Exception down) {
        log.warn("database unavailable, answered 503: {}", down.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                        "the service's database is not reachable at the moment; nothing was done, try again shortly"));
    }
}
