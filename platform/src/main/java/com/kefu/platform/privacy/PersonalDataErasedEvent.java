package com.kefu.platform.privacy;

import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

/**
 * A subject's personal data was erased on request (S3): their key is gone, so every {@link PersonalData} text of
 * their events reads as {@link Masking#ERASED} from now on. Applied by the record the subject belongs to, so
 * that its projections forget what they copied; it holds no personal data itself.
 */
public record PersonalDataErasedEvent(String subject, String erasedBy, String reason, Instant erasedAt) {
}
