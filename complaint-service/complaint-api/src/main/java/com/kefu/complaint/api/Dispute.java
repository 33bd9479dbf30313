package com.kefu.complaint.api;

/**
 * Who disputes with whom (C9): a customer against a merchant, or a merchant against the mall
 * (顾客与商户、商户与贸易城之间的纠纷). CS_HEAD records the final ruling.
 */
public record Dispute(Party complainant, Party respondent) {

    public boolean isAllowed() {
        return (complainant == Party.CUSTOMER && respondent == Party.MERCHANT)
                || (complainant == Party.MERCHANT && respondent == Party.MALL);
    }
}
