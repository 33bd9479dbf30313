package com.kefu.platform.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The auditors' check of a service's event store (A1): each event's hash, kept by PostgreSQL as the event is appended
 * ({@code V5__event_chain.sql}), is computed again from the event as it is stored now and the hash of the event
 * before it in its aggregate, and each history must run 0, 1, 2 … without a hole. The first event that fails is
 * named. The head is the digest of every event's hash in the order of the global index: what it was when published
 * shows whether anything was cut from the end of a history or removed whole since.
 */
public class EventChain {

    private final JdbcTemplate jdbc;
    private final String service;

    public EventChain(JdbcTemplate jdbc, String service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    /** The first event whose hash or place in its history does not hold, by global index. */
    public record Broken(long globalIndex, String eventId, String aggregateId) {
    }

    /** What the check found: {@code intact} when no event is broken. */
    public record Verification(String service, long events, String head, boolean intact, Broken firstBroken) {
    }

    public Verification verify() {
        Optional<Broken> broken = firstBroken();
        return jdbc.queryForObject("select count(*), sha256(coalesce(string_agg(chain_hash, ''::bytea order by "
                        + "global_index), ''::bytea)) from domain_event_entry",
                (row, n) -> new Verification(service, row.getLong(1), HexFormat.of().formatHex(row.getBytes(2)),
                        broken.isEmpty(), broken.orElse(null)));
    }

    private Optional<Broken> firstBroken() {
        List<Broken> broken = jdbc.query("""
                select global_index, event_identifier, aggregate_identifier from (
                    select global_index, event_identifier, aggregate_identifier,
                           chain_hash is distinct from kefu_event_digest(lag(chain_hash) over history, e)
                           or sequence_number <> coalesce(lag(sequence_number) over history + 1, 0) as broken
                    from domain_event_entry e
                    window history as (partition by aggregate_identifier order by sequence_number)) checked
                where broken order by global_index limit 1""",
                (row, n) -> new Broken(row.getLong(1), row.getString(2), row.getString(3)));
        return broken.stream().findFirst();
    }
}
