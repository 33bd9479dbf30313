package com.kefu.membership.api;

/** A member's tier (M1); complaints of VIP members are urgent (C4). */
public enum Tier {
    REGULAR, SILVER, GOLD, VIP
}
