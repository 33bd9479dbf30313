package com.kefu.platform.axon;

import com.kefu.platform.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblems {

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such record");
    }

    /** R5: another instance changed the record at the same moment, and trying again did not get through. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentUpdate(ConcurrencyException conflict) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update",
                "the record was changed by another request at the same moment; read it again and retry");
    }
}
