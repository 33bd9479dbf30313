package com.kefu.complaint.command;

import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EnquiryAnsweredEvent;
import com.kefu.complaint.api.EnquiryArchivedEvent;
import com.kefu.complaint.api.EnquiryAttachmentAddedEvent;
import com.kefu.complaint.api.EnquiryReceivedEvent;
import com.kefu.complaint.command.AttachmentCommands.AddEnquiryAttachmentCommand;
import com.kefu.complaint.command.EnquiryCommands.AnswerEnquiryCommand;
import com.kefu.complaint.command.EnquiryCommands.ArchiveEnquiryCommand;
import com.kefu.complaint.command.EnquiryCommands.RegisterEnquiryCommand;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A customer's question (售前、售中、售后, C12): received → answered → archived. */
@Aggregate
public class Enquiry {

    /** The enquiry's workflow; answering again corrects the answer until it is archived. */
    public enum Status { RECEIVED, ANSWERED, ARCHIVED }

    @AggregateIdentifier
    private String enquiryId;
    private String number;
    private Status status;

    protected Enquiry() {
    }

    @CommandHandler
    public Enquiry(RegisterEnquiryCommand command) {
        apply(new EnquiryReceivedEvent(command.enquiryId(), command.number(), command.channel(), command.stage(),
                new CustomerReference(command.customerName(), Masking.phone(command.customerPhone()), null),
                command.question(), command.receivedBy(), command.receivedAt(), command.customerPhone()));
    }

    @CommandHandler
    Status handle(AnswerEnquiryCommand command) {
        requireNotArchived();
        apply(new EnquiryAnsweredEvent(enquiryId, command.answer(), command.actor(), command.at()));
        return status;
    }

    /** A letter, fax, receipt or photo (C16), never once the enquiry is archived. */
    @CommandHandler
    void handle(AddEnquiryAttachmentCommand command) {
        requireNotArchived();
        apply(new EnquiryAttachmentAddedEvent(enquiryId, command.attachmentId(), command.contentType(), command.size(),
                command.sha256(), command.actor(), command.at()));
    }

    private void requireNotArchived() {
        if (status == Status.ARCHIVED) {
            throw new RuleViolation("enquiry-archived", "enquiry " + number + " is archived and cannot change (C12)");
        }
    }

    /** The customer's key is already gone; the event tells the projections to forget what they copied (S3). */
    @CommandHandler
    void handle(EnquiryCommands.EraseEnquiryPersonalDataCommand command) {
        apply(new PersonalDataErasedEvent(enquiryId, command.actor(), command.reason(), command.at()));
    }

    @CommandHandler
    Status handle(ArchiveEnquiryCommand command) {
        if (status != Status.ANSWERED) {
            throw new RuleViolation("enquiry-not-answered", "enquiry " + number + " is " + status
                    + ": it is archived once it has been answered (C12)");
        }
        apply(new EnquiryArchivedEvent(enquiryId, command.actor(), command.at()));
        return status;
    }

    @EventSourcingHandler
    void on(EnquiryReceivedEvent event) {
        enquiryId = event.enquiryId();
        number = event.number();
        status = Status.RECEIVED;
    }

    @EventSourcingHandler
    void on(EnquiryAnsweredEvent event) {
        status = Status.ANSWERED;
    }

    @EventSourcingHandler
    void on(EnquiryArchivedEvent event) {
        status = Status.ARCHIVED;
    }
}
