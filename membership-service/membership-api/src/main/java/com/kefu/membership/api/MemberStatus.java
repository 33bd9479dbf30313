package com.kefu.membership.api;

/** Where a membership stands (M1): active; suspended for a while (no points, no gifts); cancelled for good. */
public enum MemberStatus {
    ACTIVE, SUSPENDED, CANCELLED
}
