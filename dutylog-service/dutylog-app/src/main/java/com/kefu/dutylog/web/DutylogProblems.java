package com.kefu.dutylog.web;

import com.kefu.dutylog.command.HandoverRefused;
import com.kefu.dutylog.command.UnsupportedPhoto;
import com.kefu.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems only the duty log has, ahead of the platform's handler: a refused handover lists every reason
 * (D7), and a photo that is not an image by its bytes is 415.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DutylogProblems {

    @ExceptionHandler(HandoverRefused.class)
    ProblemDetail handoverRefused(HandoverRefused refused) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, refused.rule(), refused.getMessage());
        problem.setTitle("Refused by a rule of the workflow");
        problem.setProperty("rule", refused.rule());
        problem.setProperty("reasons", refused.reasons());
        return problem;
    }

    @ExceptionHandler(UnsupportedPhoto.class)
    ProblemDetail unsupportedPhoto(UnsupportedPhoto unsupported) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-photo", unsupported.getMessage());
    }
}
