package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.ids.RandomIdentifiers;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.rules.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Registers complaints: draws the number, decides the priority, sends the command. */
@Service
public class ComplaintIntake {

    private final Commands commands;
    private final ComplaintNumbers numbers;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final MemberTiers tiers;

    public ComplaintIntake(Commands commands, ComplaintNumbers numbers, Clock clock, JdbcTemplate jdbc,
                           MemberTiers tiers) {
        this.tiers = tiers;
        this.commands = commands;
        this.numbers = numbers;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Registers once per {@code idempotencyKey} (if given): a retry with the same key answers the first
     * registration. Number, events and key are written in one transaction.
     */
    @Transactional
    public Registered register(NewComplaint complaint, String idempotencyKey) {
        String username = CurrentUser.get().username();
        if (idempotencyKey != null) {
            Optional<Registered> earlier = claim(idempotencyKey, username);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Registered registered = register(complaint);
        if (idempotencyKey != null) {
            jdbc.update("update intake_idempotency set complaint_id = ?, number = ?, priority = ? "
                    + "where idempotency_key = ?", registered.id(), registered.number(),
                    registered.priority().name(), idempotencyKey);
        }
        return registered;
    }

    /**
     * Takes the key, or answers what the earlier intake with it registered. A concurrent intake with the same
     * key waits on the row lock until the first commits, then finds its answer.
     */
    private Optional<Registered> claim(String key, String username) {
        int claimed = jdbc.update("""
                insert into intake_idempotency (idempotency_key, username, complaint_id, number, priority)
                values (?, ?, '', '', '') on conflict do nothing""", key, username);
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.query("select * from intake_idempotency where idempotency_key = ? and username = ?",
                (rs, row) -> new Registered(rs.getString("complaint_id"), rs.getString("number"),
                        ComplaintStatus.RECEIVED, Priority.valueOf(rs.getString("priority"))), key, username)
                .stream().findFirst()
                .or(() -> {
                    throw new RuleViolation("idempotency-key-reused",
                            "this Idempotency-Key was already used by another user; use a new key");
                });
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
