package com.kefu.complaint.api;

/** URGENT for VIP members (C4), HIGH for major complaints, NORMAL otherwise. */
public enum Priority {
    URGENT, HIGH, NORMAL
}
