-- The handover signed by both (D15): the outgoing person's proposal, the incoming person's refusals with their
-- reasons, and the acceptance with whether it was late against the post's shift time and why.
alter table shift_view add column handover_proposal jsonb;
alter table shift_view add column handover_refusals jsonb not null default '[]'::jsonb;
alter table shift_view add column handover_acceptance jsonb;

-- Incidents the CS manager and the CS head are told of at once (篇2 B3, D14): who it befell, and per role who
-- acknowledged the notice and when. Written in the transaction of their events.
alter table incident_view add column kind varchar(20);
create table incident_notice_view (
    incident_id     varchar(36) not null,
    role            varchar(20) not null,
    sent_at         timestamptz not null,
    acknowledged_by varchar(60),
    acknowledged_at timestamptz,
    primary key (incident_id, role)
);
