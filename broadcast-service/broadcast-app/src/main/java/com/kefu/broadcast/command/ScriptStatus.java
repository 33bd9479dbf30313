package com.kefu.broadcast.command;

/** Where a script stands on its way to the air (B3): a new script is a draft awaiting approval. */
public enum ScriptStatus {
    DRAFT
}
