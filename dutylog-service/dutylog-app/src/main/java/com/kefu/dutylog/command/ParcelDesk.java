package com.kefu.dutylog.command;

import com.kefu.dutylog.command.ParcelCommands.HandOverParcelCommand;
import com.kefu.dutylog.command.ParcelCommands.ReceiveParcelCommand;
import com.kefu.dutylog.command.ParcelCommands.StoreParcelCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * Customers' mail and parcels at the desk (D17): every step is taken by the person signed in, at the service's
 * clock, so the chain of custody names who and when without trusting the client for either.
 */
@Service
public class ParcelDesk {

    private final Commands commands;
    private final Clock clock;
    private final IdempotentCreates creates;

    ParcelDesk(Commands commands, Clock clock, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.clock = clock;
    }

    public String receive(String tenant, String shop, String kind, String outside, String deliveredBy,
                          String storedAt, String idempotencyKey) {
        return creates.once("parcel", idempotencyKey, String.class,
                () -> receive(tenant, shop, kind, outside, deliveredBy, storedAt));
    }

    private String receive(String tenant, String shop, String kind, String outside, String deliveredBy,
                          String storedAt) {
        String parcelId = UUID.randomUUID().toString();
        commands.send(new ReceiveParcelCommand(parcelId, tenant, shop, kind, outside, deliveredBy, storedAt,
                CurrentUser.get().username(), clock.instant()));
        return parcelId;
    }

    public void store(String parcelId, String storedAt) {
        commands.send(new StoreParcelCommand(parcelId, storedAt, CurrentUser.get().username(), clock.instant()));
    }

    public void handOver(String parcelId, String tenant, String collectedBy, String signatureNote) {
        commands.send(new HandOverParcelCommand(parcelId, tenant, collectedBy, signatureNote,
                CurrentUser.get().username(), clock.instant()));
    }
}
