package com.kefu.platform.axon;

import com.kefu.platform.relay.Actors;
import com.kefu.platform.security.CurrentUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands with who sent them in the metadata, so every event of the history names its actor (C13).
 */
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends as the authenticated caller and waits for the result. */
    public <R> R send(Object command) {
        CurrentUser user = CurrentUser.get();
        return sendAs(user.username(), user.department(), command);
    }

    /** Sends as a named actor, e.g. a consumer acting for another service ({@code system:complaint-service}). */
    public <R> R sendAs(String actor, String department, Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(Actors.ACTOR, actor);
        if (department != null) {
            metaData.put(Actors.DEPARTMENT, department);
        }
        return gateway.sendAndWait(command, MetaData.from(metaData));
    }
}
