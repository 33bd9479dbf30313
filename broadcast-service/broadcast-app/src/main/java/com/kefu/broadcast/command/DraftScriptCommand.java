package com.kefu.broadcast.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Writes a new script in Chinese and Russian (B2). */
public record DraftScriptCommand(
        @TargetAggregateIdentifier String scriptId,
        String title,
        String programme,
        String textZh,
        String textRu,
        String author,
        Instant draftedAt) {
}
