package com.kefu.complaint.api;

/** A party to a dispute (C9): the customer, a merchant (tenant), or the mall itself. */
public enum Party {
    CUSTOMER, MERCHANT, MALL
}
