package com.kefu.platform.rules;

/**
 * What the client sent cannot be taken as it is (a field missing for this case, a value out of its range, an id
 * that names nothing): answered with 400 {@code invalid-request} and this detail, which names the field and what
 * is wrong with it. Thrown where client input is checked; any other {@link IllegalArgumentException} is a bug of
 * ours and answered with 500.
 */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String detail) {
        super(detail);
    }

    public InvalidRequest(String detail, Throwable cause) {
        super(detail, cause);
    }
}
