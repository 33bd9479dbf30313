-- A fire's form after 篇2 T1 (D13): where the reporter is heading, and each step of the checklist with who did it
-- and when, or why it was not needed. Written in the transaction of their events.
alter table incident_view add column heading varchar(200);
create table fire_step_view (
    incident_id varchar(36)  not null,
    step        varchar(40)  not null,
    status      varchar(12)  not null,
    note        text,
    reason      text,
    done_by     varchar(60),
    done_at     timestamptz,
    primary key (incident_id, step)
);
