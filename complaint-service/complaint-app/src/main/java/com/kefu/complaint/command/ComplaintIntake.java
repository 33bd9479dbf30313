package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Registers complaints: draws the number, decides the priority, sends the command. */
@Service
public class ComplaintIntake {

    private final Commands commands;
    private final ComplaintNumbers numbers;
    private final Clock clock;

    public ComplaintIntake(Commands commands, ComplaintNumbers numbers, Clock clock) {
        this.commands = commands;
        this.numbers = numbers;
        this.clock = clock;
    }

    public Registered register(NewComplaint complaint) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String number = numbers.next(now);
        Priority priority = complaint.severity() == Severity.MAJOR ? Priority.HIGH : Priority.NORMAL;
        commands.send(new RegisterComplaintCommand(id, number, complaint.channel(), complaint.category(),
                complaint.severity(), priority, complaint.customerName(), complaint.customerPhone(),
                complaint.memberId(), complaint.merchant(), complaint.subject(), complaint.description(),
                CurrentUser.get().username(), now));
        return new Registered(id, number, ComplaintStatus.RECEIVED, priority);
    }

    /** What the desk filled in. */
    public record NewComplaint(Channel channel, Category category,
                               Severity severity, String customerName, String customerPhone, String memberId,
                               Merchant merchant, String subject, String description) {
    }

    public record Registered(String id, String number, ComplaintStatus status, Priority priority) {
    }
}
