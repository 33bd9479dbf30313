package com.kefu.dutylog.event;

import java.time.Instant;

/** The parcel was put away at {@code storedAt} (D17): on receipt, or moved later while still held. */
public record ParcelStoredEvent(String parcelId, String storedAt, String storedBy, Instant storedOn) {
}
