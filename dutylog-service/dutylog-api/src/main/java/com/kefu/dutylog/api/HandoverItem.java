package com.kefu.dutylog.api;

/**
 * A thing handed over (D6): office supplies, radios, documents, property held for others; {@code checked} when
 * both people counted it face to face.
 */
public record HandoverItem(String name, int quantity, boolean checked) {
}
