package com.kefu.complaint.command;

import com.kefu.complaint.command.TenantContactRequest.RecordTenantNotifiedCommand;
import com.kefu.complaint.command.TenantContactRequest.RequestTenantContactCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Requests to pass an enquirer's contact to a tenant, and the tenant told, as the signed-in desk. */
@Service
public class TenantContactDesk {

    private final Commands commands;
    private final IdempotentCreates creates;
    private final Clock clock;

    TenantContactDesk(Commands commands, IdempotentCreates creates, Clock clock) {
        this.commands = commands;
        this.creates = creates;
        this.clock = clock;
    }

    /** The request's id; once per {@code idempotencyKey} (if given, API-IDEM). */
    @Transactional
    public String request(String tenant, String enquirerName, String enquirerPhone, String purpose,
                          String idempotencyKey) {
        return creates.once("tenant-contact", idempotencyKey, String.class, () -> {
            String id = UUID.randomUUID().toString();
            commands.send(new RequestTenantContactCommand(id, tenant, enquirerName, enquirerPhone, purpose,
                    CurrentUser.get().username(), clock.instant()));
            return id;
        });
    }

    public TenantContactRequest.Status notified(String id, String how, String tenantResponse) {
        return commands.send(new RecordTenantNotifiedCommand(id, how, tenantResponse, CurrentUser.get().username(),
                clock.instant()));
    }
}
