package com.kefu.broadcast.command;

/** What a review of a programme's content found (B5): sound, or in need of changes before it airs again. */
public enum ReviewVerdict {
    SOUND, NEEDS_CHANGES
}
