package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * Customer service called the customer back (C7). {@code reached} false records an attempt; a reached customer
 * gives a satisfaction of 1–5 and their own words. {@code satisfied} false reopens the complaint.
 */
@PublishedEvent(type = "ComplaintFollowedUp", version = 1)
public record ComplaintFollowedUpEvent(String complaintId, boolean reached, Integer satisfaction, String comment,
                                       boolean satisfied, String calledBy, Instant calledAt) {
}
