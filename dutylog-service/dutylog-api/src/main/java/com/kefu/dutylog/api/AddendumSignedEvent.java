package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The customer-service manager signed addendum {@code addendum} of a day already signed (D12). {@code digest} is the
 * SHA-256 of {@code previousDigest} (the day's signature, or the previous addendum's) followed by the addendum's
 * {@code entries} entries in the order they were recorded: the chain of signatures of a day, each one verifiable.
 */
@PublishedEvent(type = "AddendumSigned", version = 1)
public record AddendumSignedEvent(LocalDate date, int addendum, String digest, String previousDigest, int entries,
                                  String signedBy, Instant signedAt) {
}
