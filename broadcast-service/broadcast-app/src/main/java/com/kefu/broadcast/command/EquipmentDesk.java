package com.kefu.broadcast.command;

import com.kefu.broadcast.command.EquipmentCommands.ClearFaultCommand;
import com.kefu.broadcast.command.EquipmentCommands.RecordMaintenanceCommand;
import com.kefu.broadcast.command.EquipmentCommands.RegisterEquipmentCommand;
import com.kefu.broadcast.command.EquipmentCommands.ReportFaultCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The station's equipment (B6): registered, maintained, its faults reported and cleared, as the signed-in user. */
@Service
public class EquipmentDesk {

    private final Commands commands;
    private final IdempotentCreates creates;
    private final Clock clock;

    EquipmentDesk(Commands commands, IdempotentCreates creates, Clock clock) {
        this.commands = commands;
        this.creates = creates;
        this.clock = clock;
    }

    /** The new equipment's id; once per {@code idempotencyKey} (if given, API-IDEM). */
    @Transactional
    public String register(String name, String location, String idempotencyKey) {
        return creates.once("equipment", idempotencyKey, String.class, () -> {
            String id = UUID.randomUUID().toString();
            commands.send(new RegisterEquipmentCommand(id, name, location, user(), clock.instant()));
            return id;
        });
    }

    /**
     * The maintenance's id; {@code performedBy} and {@code performedAt} default to the user and now. Once per
     * {@code idempotencyKey} (if given, API-IDEM).
     */
    public String maintain(String equipmentId, String description, String performedBy, Instant performedAt,
                           String idempotencyKey) {
        return creates.once("equipment-maintenance", idempotencyKey, String.class, () -> {
            Instant now = clock.instant();
            String by = performedBy == null || performedBy.isBlank() ? user() : performedBy;
            return commands.send(new RecordMaintenanceCommand(equipmentId, UUID.randomUUID().toString(), description,
                    by, performedAt == null ? now : performedAt, user(), now));
        });
    }

    /** The fault's id; once per {@code idempotencyKey} (if given, API-IDEM). */
    public String reportFault(String equipmentId, String description, String idempotencyKey) {
        return creates.once("equipment-fault", idempotencyKey, String.class,
                () -> commands.send(new ReportFaultCommand(equipmentId, UUID.randomUUID().toString(), description,
                        user(), clock.instant())));
    }

    public String clearFault(String equipmentId, String faultId, String repair) {
        return commands.send(new ClearFaultCommand(equipmentId, faultId, repair, user(), clock.instant()));
    }

    private static String user() {
        return CurrentUser.get().username();
    }
}
