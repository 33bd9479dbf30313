package com.kefu.dutylog.command;

/** An upload that is not a JPEG or PNG image by its bytes, whatever its declared type: answered 415. */
public class UnsupportedPhoto extends RuntimeException {

    public UnsupportedPhoto(String detail) {
        super(detail);
    }
}
