package com.kefu.broadcast.command;

import com.kefu.broadcast.command.PlanCommands.PlanSlotCommand;
import com.kefu.broadcast.command.PlanCommands.RemoveSlotCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.time.MallTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** The broadcast plan (B1): slots planned into a day and removed from it, as the signed-in broadcaster. */
@Service
public class PlanDesk {

    private final Commands commands;
    private final IdempotentCreates creates;
    private final MallTime mallTime;
    private final Clock clock;

    PlanDesk(Commands commands, IdempotentCreates creates, MallTime mallTime, Clock clock) {
        this.commands = commands;
        this.creates = creates;
        this.mallTime = mallTime;
        this.clock = clock;
    }

    /** The new slot's id; once per {@code idempotencyKey} (if given, API-IDEM). */
    @Transactional
    public String plan(LocalDate date, LocalTime time, String programme, String scriptId, String equipmentId,
                       String idempotencyKey) {
        return creates.once("slot", idempotencyKey, String.class, () -> {
            Instant now = clock.instant();
            return commands.send(new PlanSlotCommand(PlanCommands.planId(date), date, UUID.randomUUID().toString(),
                    time, programme, scriptId, equipmentId, mallTime.dayOf(now), CurrentUser.get().username(), now));
        });
    }

    public void remove(LocalDate date, String slotId) {
        commands.send(new RemoveSlotCommand(PlanCommands.planId(date), slotId, CurrentUser.get().username(),
                clock.instant()));
    }
}
