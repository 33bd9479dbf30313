package com.kefu.complaint.api;

/** A complaint is normal or major (重大投诉, C3). */
public enum Severity {
    NORMAL, MAJOR
}
