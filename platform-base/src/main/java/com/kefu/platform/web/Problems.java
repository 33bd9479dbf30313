package com.kefu.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Problem details (RFC 9457) with a stable {@code type} per kind of problem. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:kefu:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }
}
