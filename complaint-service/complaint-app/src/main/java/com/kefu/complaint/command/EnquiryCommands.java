package com.kefu.complaint.command;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.EnquiryStage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of an enquiry (C12). */
public final class EnquiryCommands {

    private EnquiryCommands() {
    }

    public record RegisterEnquiryCommand(@TargetAggregateIdentifier String enquiryId, String number, Channel channel,
                                         EnquiryStage stage, String customerName, String customerPhone,
                                         String question, String receivedBy, Instant receivedAt) {
    }

    public record AnswerEnquiryCommand(@TargetAggregateIdentifier String enquiryId, String answer, String actor,
                                       Instant at) {
    }

    public record ArchiveEnquiryCommand(@TargetAggregateIdentifier String enquiryId, String actor, Instant at) {
    }

    public record EraseEnquiryPersonalDataCommand(@TargetAggregateIdentifier String enquiryId, String reason,
                                                  String actor, Instant at) {
    }
}
