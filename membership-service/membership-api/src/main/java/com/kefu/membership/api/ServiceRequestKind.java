package com.kefu.membership.api;

/**
 * The front desk's services for members (M5), each with the prefix of its ticket number: returns (退货), exchanges
 * (换货), invoices (发票), storage (寄存, the left-luggage ticket), phone pre-orders (预定) and group purchases (团购).
 */
public enum ServiceRequestKind {
    RETURN("TH"), EXCHANGE("HH"), INVOICE("FP"), STORAGE("JC"), PRE_ORDER("YD"), GROUP_PURCHASE("TG");

    private final String prefix;

    ServiceRequestKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
