-- The deadline of each complaint's current stage (C10). Kept in the database, not in timers, so a restart
-- loses none: DeadlineWatch reads what is due. A missed deadline is an event; the list keeps every one.
create table complaint_deadline (
    complaint_id varchar(36) primary key,
    number       varchar(20) not null,
    priority     varchar(10) not null,
    stage        varchar(20) not null,
    department   varchar(40),
    entered_at   timestamptz not null,
    due_at       timestamptz not null,
    missed_at    timestamptz
);
create index complaint_deadline_due on complaint_deadline (due_at) where missed_at is null;

create table missed_deadline (
    complaint_id varchar(36) not null,
    number       varchar(20) not null,
    priority     varchar(10) not null,
    stage        varchar(20) not null,
    department   varchar(40),
    due_at       timestamptz not null,
    missed_at    timestamptz not null,
    primary key (complaint_id, stage, due_at)
);
create index missed_deadline_missed on missed_deadline (missed_at);
