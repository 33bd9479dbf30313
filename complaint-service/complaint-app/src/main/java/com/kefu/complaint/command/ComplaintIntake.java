package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.ids.RandomIdentifiers;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Registers complaints: draws the number, decides the priority, sends the command. */
@Service
public class ComplaintIntake {

    private final Commands commands;
    private final ComplaintNumbers numbers;
    private final Clock clock;
    private final IdempotentCreates creates;
    private final MemberTiers tiers;

    public ComplaintIntake(Commands commands, ComplaintNumbers numbers, Clock clock, IdempotentCreates creates,
                           MemberTiers tiers) {
        this.tiers = tiers;
        this.commands = commands;
        this.numbers = numbers;
        this.clock = clock;
        this.creates = creates;
    }

    /**
     * Registers once per {@code idempotencyKey} (if given, API-IDEM): a retry with the same key answers the first
     * registration. Number, events and key are written in one transaction.
     */
    @Transactional
    public Registered register(NewComplaint complaint, String idempotencyKey) {
        return creates.once("complaint", idempotencyKey, Registered.class, () -> register(complaint));
    }

    private Registered register(NewComplaint complaint) {
        Instant now = clock.instant();
        String id = RandomIdentifiers.uuid().toString();
        String number = numbers.next(now);
        Priority priority = tiers.isVip(complaint.memberId()) ? Priority.URGENT
                : complaint.severity() == Severity.MAJOR ? Priority.HIGH : Priority.NORMAL;
        commands.send(new RegisterComplaintCommand(id, number, complaint.channel(), complaint.category(),
                complaint.severity(), priority, complaint.customerName(), complaint.customerPhone(),
                complaint.memberId(), complaint.merchant(), complaint.subject(), complaint.description(),
                CurrentUser.get().username(), now, complaint.dispute()));
        return new Registered(id, number, ComplaintStatus.RECEIVED, priority);
    }

    /** What the desk filled in. */
    public record NewComplaint(Channel channel, Category category,
                               Severity severity, String customerName, String customerPhone, String memberId,
                               Merchant merchant, String subject, String description, Dispute dispute) {
    }

    public record Registered(String id, String number, ComplaintStatus status, Priority priority) {
    }
}
