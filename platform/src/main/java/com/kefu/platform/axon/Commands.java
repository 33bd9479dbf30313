package com.kefu.platform.axon;

import com.kefu.platform.relay.Actors;
import com.kefu.platform.relay.CurrentTrace;
import com.kefu.platform.security.CurrentUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends commands with who sent them in the metadata, so every event of the history names its actor (C13), and with the
 * trace context of the request or record that caused them ({@code traceparent}), so the events, the records the relay
 * publishes and what consumers do with them can be followed back to it.
 * <p>
 * A command that lost a race on its aggregate (R5: another instance appended the same sequence number first, so the
 * event store's unique key refused ours) is sent again after a pause of a few milliseconds, up to {@value #ATTEMPTS}
 * times in all: the aggregate is loaded again with the other write and the command's rules are checked on it as it now
 * is. Not inside a transaction that
 * began before the command (an intake, a desk): that transaction is spoilt by the refused insert, so the conflict goes
 * up to the caller, which answers 409 {@code concurrent-update} ({@link AxonProblems}).
 */
public class Commands {

    static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final CurrentTrace trace;

    public Commands(CommandGateway gateway) {
        this(gateway, CurrentTrace.NONE);
    }

    public Commands(CommandGateway gateway, CurrentTrace trace) {
        this.gateway = gateway;
        this.trace = trace;
    }

    /** Sends as the authenticated caller and waits for the result. */
    public <R> R send(Object command) {
        CurrentUser user = CurrentUser.get();
        return sendAs(user.username(), user.department(), command);
    }

    /** Sends as a named actor, e.g. a consumer acting for another service ({@code system:complaint-service}). */
    public <R> R sendAs(String actor, String department, Object command) {
        Map<String, Object> metaData = new HashMap<>(trace.current());
        metaData.put(Actors.ACTOR, actor);
        if (department != null) {
            metaData.put(Actors.DEPARTMENT, department);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command, MetaData.from(metaData));
            } catch (ConcurrencyException lost) {
                if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw lost;
                }
                pauseBeforeAttempt(attempt + 1);
            }
        }
    }

    /** A few milliseconds, at random, so that two writers who just collided do not collide again in step. */
    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
