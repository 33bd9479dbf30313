package com.kefu.platform.contracts.audit;

/**
 * Where the auditors' evidence is published (A1): every service with an event store publishes its chain's head on
 * {@link #CHAIN_HEADS}, keyed by the service's audit name ({@code complaint}, {@code dutylog}, …).
 */
public final class AuditTopics {

    public static final String CHAIN_HEADS = "audit.chain-heads";

    private AuditTopics() {
    }
}
