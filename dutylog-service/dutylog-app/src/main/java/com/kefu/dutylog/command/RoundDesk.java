package com.kefu.dutylog.command;

import com.kefu.dutylog.command.RoundCommands.AcknowledgeRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.CloseRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.OpenRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.RecordRoundCommand;
import com.kefu.dutylog.config.DutylogProperties;
import com.kefu.dutylog.event.RoundRecordedEvent;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lobby's rounds and their repair orders (D16): a round and the repair orders of its faults are written in one
 * transaction, so no fault is ever without its order; every step at the service's clock, by the person signed in.
 */
@Service
public class RoundDesk {

    private final Commands commands;
    private final Clock clock;
    private final String repairDepartment;
    private final IdempotentCreates creates;

    RoundDesk(Commands commands, Clock clock, DutylogProperties properties, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.clock = clock;
        this.repairDepartment = properties.repairDepartment();
    }

    /** One facility as the round found it: OK, or FAULT with what is wrong. */
    public record Check(String item, String result, String note) {
    }

    /** The department repair orders go to (D16). */
    public String repairDepartment() {
        return repairDepartment;
    }

    @Transactional
    public String record(String area, List<Check> checks, String idempotencyKey) {
        return creates.once("round", idempotencyKey, String.class, () -> record(area, checks));
    }

    private String record(String area, List<Check> checks) {
        String roundId = UUID.randomUUID().toString();
        String user = CurrentUser.get().username();
        Instant now = clock.instant();
        List<RoundRecordedEvent.Check> recorded = checks.stream()
                .map(c -> new RoundRecordedEvent.Check(c.item().strip(), c.result(), blankToNull(c.note()),
                        Round.FAULT.equals(c.result()) ? UUID.randomUUID().toString() : null))
                .toList();
        commands.send(new RecordRoundCommand(roundId, area, recorded, user, now));
        recorded.stream().filter(c -> c.repairOrderId() != null).forEach(c -> commands.send(
                new OpenRepairOrderCommand(c.repairOrderId(), roundId, area, c.item(), c.note(), repairDepartment,
                        user, now)));
        return roundId;
    }

    public void acknowledge(String repairOrderId, String note) {
        CurrentUser user = CurrentUser.get();
        commands.send(new AcknowledgeRepairOrderCommand(repairOrderId, blankToNull(note), user.department(),
                user.username(), clock.instant()));
    }

    public void close(String repairOrderId, String result) {
        CurrentUser user = CurrentUser.get();
        commands.send(new CloseRepairOrderCommand(repairOrderId, result, user.department(), user.username(),
                clock.instant()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
