package com.kefu.complaint.api;

/** What a complaint is about (C1). */
public enum Category {
    PRODUCT_QUALITY, SERVICE_ATTITUDE, PRICE_BILLING, MERCHANT_DISPUTE, FACILITY, SAFETY, RETURN_EXCHANGE, OTHER
}
