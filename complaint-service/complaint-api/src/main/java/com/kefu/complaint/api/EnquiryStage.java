package com.kefu.complaint.api;

/** When in the purchase the question comes (售前、售中、售后, C12). */
public enum EnquiryStage {
    PRE_SALE, IN_SALE, AFTER_SALE
}
