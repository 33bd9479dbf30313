package com.kefu.platform.rules;

/** The thing asked for does not exist (or is not visible to the caller): answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
