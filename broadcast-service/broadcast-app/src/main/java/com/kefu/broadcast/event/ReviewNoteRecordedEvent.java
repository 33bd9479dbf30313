package com.kefu.broadcast.event;

import java.time.Instant;

/**
 * A note of the review of a programme's (or column's) content (B5, 对各档、各栏目播出内容的审查), optionally on one
 * version of one of its scripts.
 */
public record ReviewNoteRecordedEvent(String reviewId, String programme, String noteId, String verdict,
                                      String note, String scriptId, Integer scriptVersion, String reviewer,
                                      Instant recordedAt) {
}
