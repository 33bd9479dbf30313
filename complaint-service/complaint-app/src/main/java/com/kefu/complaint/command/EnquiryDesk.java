package com.kefu.complaint.command;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.EnquiryStage;
import com.kefu.complaint.command.EnquiryCommands.AnswerEnquiryCommand;
import com.kefu.complaint.command.EnquiryCommands.ArchiveEnquiryCommand;
import com.kefu.complaint.command.EnquiryCommands.RegisterEnquiryCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.ids.RandomIdentifiers;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Enquiries at the desk (C12): registers them with their number, answers and archives them. */
@Service
public class EnquiryDesk {

    private final Commands commands;
    private final ComplaintNumbers numbers;
    private final IdempotentCreates creates;
    private final Clock clock;

    EnquiryDesk(Commands commands, ComplaintNumbers numbers, IdempotentCreates creates, Clock clock) {
        this.commands = commands;
        this.numbers = numbers;
        this.creates = creates;
        this.clock = clock;
    }

    /** What the desk filled in. */
    public record NewEnquiry(Channel channel, EnquiryStage stage, String customerName, String customerPhone,
                             String question) {
    }

    public record Registered(String id, String number, Enquiry.Status status) {
    }

    /**
     * Registers once per {@code idempotencyKey} (if given, API-IDEM), as a complaint's intake does: a retry with the
     * same key answers the first registration. Number, events and key are written in one transaction.
     */
    @Transactional
    public Registered register(NewEnquiry enquiry, String idempotencyKey) {
        return creates.once("enquiry", idempotencyKey, Registered.class, () -> register(enquiry));
    }

    private Registered register(NewEnquiry enquiry) {
        Instant now = clock.instant();
        String id = RandomIdentifiers.uuid().toString();
        String number = numbers.nextEnquiry(now);
        commands.send(new RegisterEnquiryCommand(id, number, enquiry.channel(), enquiry.stage(),
                enquiry.customerName(), enquiry.customerPhone(), enquiry.question(), CurrentUser.get().username(),
                now));
        return new Registered(id, number, Enquiry.Status.RECEIVED);
    }

    public Enquiry.Status answer(String id, String answer) {
        return commands.send(new AnswerEnquiryCommand(id, answer, CurrentUser.get().username(), clock.instant()));
    }

    public Enquiry.Status archive(String id) {
        return commands.send(new ArchiveEnquiryCommand(id, CurrentUser.get().username(), clock.instant()));
    }
}
