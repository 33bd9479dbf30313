package com.kefu.complaint.command;

import com.kefu.complaint.command.TenantContactRequest.EraseEnquirerCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.privacy.PersonalDataKeys;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Erases a person's data on their request (S3): the key of the record they came with is deleted, so their name and
 * phone read as erased in every event, history and replay; the bytes and names of the record's attachments go (C16);
 * then the record tells its projections.
 */
@Service
public class Erasures {

    /** What the person came with. */
    public enum Record { COMPLAINT, ENQUIRY, TENANT_CONTACT }

    private final Commands commands;
    private final PersonalDataKeys keys;
    private final Clock clock;
    private final Attachments attachments;

    Erasures(Commands commands, PersonalDataKeys keys, Clock clock, Attachments attachments) {
        this.commands = commands;
        this.keys = keys;
        this.clock = clock;
        this.attachments = attachments;
    }

    @Transactional
    public void erase(Record record, String id, String reason) {
        String actor = CurrentUser.get().username();
        keys.erase(id, actor, reason);
        switch (record) {
            case COMPLAINT -> attachments.erase(Attachments.Owner.COMPLAINT, id);
            case ENQUIRY -> attachments.erase(Attachments.Owner.ENQUIRY, id);
            case TENANT_CONTACT -> { }
        }
        commands.send(switch (record) {
            case COMPLAINT -> new WorkflowCommands.ErasePersonalDataCommand(id, reason, actor, clock.instant());
            case ENQUIRY -> new EnquiryCommands.EraseEnquiryPersonalDataCommand(id, reason, actor, clock.instant());
            case TENANT_CONTACT -> new EraseEnquirerCommand(id, reason, actor, clock.instant());
        });
    }
}
