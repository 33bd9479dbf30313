package com.kefu.dutylog.api;

/** A matter handed over still open (D6): what it is, its cause, what was done so far and where it stands. */
public record OpenMatter(String subject, String cause, String course, String result) {
}
