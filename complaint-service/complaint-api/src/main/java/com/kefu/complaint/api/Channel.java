package com.kefu.complaint.api;

/** How a complaint reached customer service (C1). */
public enum Channel {
    VISIT, PHONE, FAX, LETTER, ONLINE, OTHER
}
