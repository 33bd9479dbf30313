-- A1 tamper evidence: every stored event carries a SHA-256 over its content and the previous event of its aggregate,
-- computed by PostgreSQL in the transaction that appends it (a trigger, so no writer can leave it out). A changed
-- event, or one deleted from the middle of a history, breaks its aggregate's chain; what no chain of one aggregate
-- can show (a history cut at its end, an aggregate removed whole) the store's head shows: the digest of every
-- event's hash in the order of the global index, which the auditors' check reports (EventChain). The hash covers the
-- stored bytes, encrypted personal data included, so erasing a person's key breaks nothing. A chain per aggregate,
-- not one through the whole store: one whole-store chain would make every append wait for the one before it to
-- commit, and the intake path runs many at once.

alter table domain_event_entry add column chain_hash bytea;

-- What an event's hash covers: the hash before it and every stored column but the global index (the position the
-- store gave it, which the head covers by its order). Lengths go before the variable parts, so that no bytes can move
-- from one column into its neighbour unnoticed.
create function kefu_event_digest(previous bytea, event domain_event_entry) returns bytea
    language sql immutable as $$
    select sha256(coalesce(previous, ''::bytea)
        || convert_to(concat_ws(chr(31), event.event_identifier, event.aggregate_identifier,
                                event.sequence_number::text, coalesce(event.type, ''), event.time_stamp,
                                event.payload_type, coalesce(event.payload_revision, '')), 'UTF8')
        || int4send(length(event.payload)) || event.payload
        || int4send(coalesce(length(event.meta_data), -1)) || coalesce(event.meta_data, ''::bytea))
$$;

create function kefu_event_chain() returns trigger language plpgsql as $$
declare
    previous bytea;
begin
    if new.sequence_number > 0 then
        select chain_hash into previous from domain_event_entry
        where aggregate_identifier = new.aggregate_identifier and sequence_number = new.sequence_number - 1;
    end if;
    new.chain_hash := kefu_event_digest(previous, new);
    return new;
end
$$;

-- the events stored before this migration, chained in their order
do $$
declare
    top bigint;
begin
    select coalesce(max(sequence_number), -1) into top from domain_event_entry;
    for step in 0..top loop
        update domain_event_entry e
        set chain_hash = kefu_event_digest((select p.chain_hash from domain_event_entry p
                                            where p.aggregate_identifier = e.aggregate_identifier
                                              and p.sequence_number = step - 1), e)
        where e.sequence_number = step;
    end loop;
end
$$;

create trigger domain_event_entry_chain before insert on domain_event_entry
    for each row execute function kefu_event_chain();
