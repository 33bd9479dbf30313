package com.kefu.dutylog.event;

import java.time.Duration;
import java.time.Instant;

/** Nobody claimed the item within the retention period: it was disposed of (D9). */
public record LostItemDisposedEvent(String itemId, Duration retention, String disposedBy, Instant disposedAt) {
}
