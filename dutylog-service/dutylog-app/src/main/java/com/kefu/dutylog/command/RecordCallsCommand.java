package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Complaint calls that waited for the shift, entered in one go (D11): each an entry of its own, written in the name
 * of whoever received the call.
 */
record RecordCallsCommand(@TargetAggregateIdentifier String shiftId, List<RecordEntryCommand> entries) {

    public RecordCallsCommand {
        entries = List.copyOf(entries);
    }
}
