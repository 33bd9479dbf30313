package com.kefu.complaint.api;

/** The merchant a complaint concerns, by shop number. */
public record Merchant(String shopNo, String name) {
}
