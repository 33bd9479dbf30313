package com.kefu.dutylog.command;

import com.kefu.dutylog.command.LostItemCommands.DisposeLostItemCommand;
import com.kefu.dutylog.command.LostItemCommands.RegisterLostItemCommand;
import com.kefu.dutylog.command.LostItemCommands.ReturnLostItemCommand;
import com.kefu.dutylog.config.DutylogProperties;
import com.kefu.dutylog.query.LostItemQueries;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.cluster.Instances;
import com.kefu.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Lost and found (D9): a found item handed to the supervisor is registered and stored, handed back against
 * identification, and disposed of once nobody claimed it within the retention period. The disposal check holds no
 * timers: each run reads what is still stored, so a restart loses nothing; of several instances one checks at a time
 * (R6), and an item is disposed of once (D9).
 */
@Service
public class LostAndFound {

    private static final Logger log = LoggerFactory.getLogger(LostAndFound.class);
    static final String DISPOSAL_ACTOR = "system:lost-and-found";

    private final Commands commands;
    private final LostItemQueries items;
    private final Clock clock;
    private final DutylogProperties properties;
    private final Instances instances;
    private final IdempotentCreates creates;

    LostAndFound(Commands commands, LostItemQueries items, Clock clock, DutylogProperties properties,
                 Instances instances, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.items = items;
        this.clock = clock;
        this.properties = properties;
        this.instances = instances;
    }

    public String register(String description, String foundBy, Instant foundAt, String foundWhere, String handedTo,
                           String storedAt, String idempotencyKey) {
        return creates.once("lost-item", idempotencyKey, String.class,
                () -> register(description, foundBy, foundAt, foundWhere, handedTo, storedAt));
    }

    private String register(String description, String foundBy, Instant foundAt, String foundWhere, String handedTo,
                           String storedAt) {
        String itemId = UUID.randomUUID().toString();
        commands.send(new RegisterLostItemCommand(itemId, description, foundBy, foundAt, foundWhere, handedTo,
                storedAt, CurrentUser.get().username(), clock.instant()));
        return itemId;
    }

    public void handBack(String itemId, String claimant, boolean identityChecked, String identityDocument) {
        commands.send(new ReturnLostItemCommand(itemId, claimant, identityChecked, identityDocument,
                CurrentUser.get().username(), clock.instant()));
    }

    /** Disposes of every item kept past the retention period; answers how many (none while another instance does). */
    @Scheduled(fixedDelayString = "${kefu.dutylog.lost-item-check:1h}", initialDelayString = "1m")
    public int disposeUnclaimed() {
        return instances.once("lost-item-disposal", this::disposeHere).orElse(0);
    }

    private int disposeHere() {
        Instant now = clock.instant();
        List<String> due = items.storedSince(now.minus(properties.lostItemRetention()));
        int disposed = 0;
        for (String itemId : due) {
            try {
                commands.sendAs(DISPOSAL_ACTOR, null,
                        new DisposeLostItemCommand(itemId, properties.lostItemRetention(), DISPOSAL_ACTOR, now));
                disposed++;
            } catch (RuntimeException e) {
                log.warn("could not dispose of lost item {}: {}", itemId, e.getMessage());
            }
        }
        return disposed;
    }
}
