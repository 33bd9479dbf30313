package com.kefu.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every error a client sees is a problem detail that names what is wrong; nothing carries a stack trace.
 * Spring's own MVC exceptions (unsupported media type, missing parameter, …) are handled by the base class.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** A body or upload above what the service takes, however it was found out (413). */
    static final String REQUEST_TOO_LARGE = "request-too-large";

    private MultipartProperties multipart;

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, violation.rule(), violation.getMessage());
        problem.setTitle("Refused by a rule of the workflow");
        problem.setProperty("rule", violation.rule());
        if (!violation.reasons().isEmpty()) {
            problem.setProperty("reasons", violation.reasons());
        }
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound missing) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", missing.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException invalid) {
        List<Map<String, String>> errors = invalid.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException denied) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this");
    }

    /** A body declared multipart that is not (no boundary, cut short): the client's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException unreadable) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "the multipart request body cannot be read");
    }

    /**
     * Client input that a command or controller checked and refused. Any other {@link IllegalArgumentException} is
     * ours: it falls to {@link #unexpected}, a 500 that is logged, and its message does not reach the client.
     */
    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest wrong) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", wrong.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception error) {
        log.error("unexpected error", error);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "something went wrong on our side; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** Method validation (constraints on parameters and headers, and bodies beside them) names each parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                           HttpHeaders headers, HttpStatusCode status,
                                                                           WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
            if (result instanceof ParameterErrors fields) {
                fields.getFieldErrors().forEach(error -> errors.add(describe(error)));
            } else {
                String name = Objects.requireNonNullElse(result.getMethodParameter().getParameterName(), "parameter");
                result.getResolvableErrors().forEach(error -> errors.add(Map.of("field", name,
                        "message", Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid"))));
            }
        }
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /**
     * A parameter, path variable or header that cannot be converted (a date that is no date, a value of no enum):
     * {@code invalid-request} naming it and what it got, like a field of a body.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : Objects.requireNonNullElse(mismatch.getPropertyName(), "parameter");
        String value = String.valueOf(mismatch.getValue());
        String message = "cannot be '" + (value.length() > 40 ? value.substring(0, 40) + "…"
                : value) + "'" + (mismatch.getRequiredType() == null ? "" : expected(mismatch.getRequiredType()));
        return ResponseEntity.badRequest().body(invalid(List.of(Map.of("field", name, "message", message))));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return ": one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        return ": a " + type.getSimpleName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestSizeLimit.causedByTooLarge(unreadable)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    REQUEST_TOO_LARGE, "the request body is larger than this service accepts"));
        }
        String detail = "the request body is not valid JSON for this call";
        if (unreadable.getCause() instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = "field '" + path(mapping) + "' has a value of the wrong type or format";
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", detail));
    }

    /**
     * An upload above the service's multipart limits ({@code spring.servlet.multipart.*}), found while the multipart
     * resolver reads it: the same 413 as a body above {@link RequestSizeLimit}'s limit, with the limits named.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException tooLarge,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String detail = "the upload is larger than this service accepts";
        if (multipart != null && multipart.getMaxFileSize() != null && multipart.getMaxRequestSize() != null) {
            detail += ": at most " + size(multipart.getMaxFileSize()) + " a file and "
                    + size(multipart.getMaxRequestSize()) + " a request";
        } else if (tooLarge.getMaxUploadSize() > 0) {
            detail += ": at most " + size(DataSize.ofBytes(tooLarge.getMaxUploadSize()));
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).headers(headers)
                .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, REQUEST_TOO_LARGE, detail));
    }

    /**
     * Problems without a type of ours get {@code http-<status>}; a 413, whatever raised it, is always
     * {@code request-too-large}, the type {@link RequestSizeLimit} gives it.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            boolean tooLarge = status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value();
            problem.setType(Problems.of(status, tooLarge ? REQUEST_TOO_LARGE : "http-" + status.value(), "")
                    .getType());
            if (tooLarge && problem.getDetail() == null) {
                problem.setDetail("the request is larger than this service accepts");
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** The service's multipart limits, where it reads uploads itself. */
    @Autowired(required = false)
    void multipartLimits(MultipartProperties properties) {
        this.multipart = properties;
    }

    /** "5 MB", "512 KB" or "100 bytes". */
    static String size(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes >= 1024 && bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        String detail = errors.stream()
                .map(e -> e.get("field") + " " + e.get("message"))
                .collect(Collectors.joining("; ", "invalid request: ", ""));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
