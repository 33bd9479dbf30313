package com.kefu.complaint.command;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.EnquiryStage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of an enquiry (C12). */
final class EnquiryCommands {

    private EnquiryCommands() {
    }

    record RegisterEnquiryCommand(@TargetAggregateIdentifier String enquiryId, String number, Channel channel,
                                  EnquiryStage stage, String customerName, String customerPhone,
                                  String question, String receivedBy, Instant receivedAt) {
    }

    record AnswerEnquiryCommand(@TargetAggregateIdentifier String enquiryId, String answer, String actor,
                                Instant at) {
    }

    record ArchiveEnquiryCommand(@TargetAggregateIdentifier String enquiryId, String actor, Instant at) {
    }

    record EraseEnquiryPersonalDataCommand(@TargetAggregateIdentifier String enquiryId, String reason,
                                           String actor, Instant at) {
    }
}
