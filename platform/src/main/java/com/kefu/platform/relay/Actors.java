package com.kefu.platform.relay;

/**
 * Names of the metadata every command carries into its events: who did it, from which department.
 * The web layer adds them to each command; Axon copies them into the events it causes.
 */
public final class Actors {

    public static final String ACTOR = "actor";
    public static final String DEPARTMENT = "actorDepartment";

    private Actors() {
    }
}
