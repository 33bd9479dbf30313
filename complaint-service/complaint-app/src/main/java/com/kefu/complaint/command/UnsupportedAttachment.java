package com.kefu.complaint.command;

import com.kefu.platform.files.FileType;

/** A file that is none of the types taken ({@link FileType}) by its bytes, whatever it was declared as: 415. */
public class UnsupportedAttachment extends RuntimeException {

    public UnsupportedAttachment(String detail) {
        super(detail);
    }
}
