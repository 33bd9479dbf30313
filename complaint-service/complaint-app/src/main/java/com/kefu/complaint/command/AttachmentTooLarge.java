package com.kefu.complaint.command;

/** A file above {@code kefu.attachments.max-size}: 413. */
public class AttachmentTooLarge extends RuntimeException {

    public AttachmentTooLarge(String detail) {
        super(detail);
    }
}
