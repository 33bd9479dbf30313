package com.kefu.membership.command;

/** Where a membership stands (M1): a registered member is active. */
public enum MemberStatus {
    ACTIVE
}
