package com.kefu.dutylog.query;

import java.time.Instant;

/** A letter or parcel still held at the desk, as the per-tenant list shows it (D17); nobody's signature in it. */
public record ParcelSummary(String id, String tenant, String shop, String kind, String outside, String deliveredBy,
                            String receivedBy, Instant receivedAt, String storedAt) {
}
