-- What is written into a day after the manager signed it enters the day's addendum (D12); each addendum is signed
-- in turn, its digest chained to the signature before it. Written in the transaction of their events.
create table duty_day_addendum_entry (
    id          varchar(36)  primary key,
    duty_day    date         not null,
    addendum    integer      not null,
    shift_id    varchar(36),
    occurred_at timestamptz  not null,
    category    varchar(30)  not null,
    description text         not null,
    handling    text,
    outcome     text,
    reference   varchar(60),
    corrects    varchar(36),
    recorded_by varchar(60)  not null,
    recorded_at timestamptz  not null,
    position    bigserial
);
create index duty_day_addendum_entry_day on duty_day_addendum_entry (duty_day, addendum, position);
create index duty_day_addendum_entry_shift on duty_day_addendum_entry (shift_id, position);

create table duty_day_addendum_signature (
    duty_day        date        not null,
    addendum        integer     not null,
    digest          char(64)    not null,
    previous_digest char(64)    not null,
    entries         integer     not null,
    signed_by       varchar(60) not null,
    signed_at       timestamptz not null,
    primary key (duty_day, addendum)
);

-- An incident reported while no shift was open (D12) is on no page until the next shift opened takes it in.
alter table incident_view alter column shift_id drop not null;
create table pending_incident_entry (
    incident_id varchar(36)  primary key,
    occurred_at timestamptz  not null,
    category    varchar(30)  not null,
    description text         not null,
    handling    text         not null,
    recorded_by varchar(60)  not null,
    reported_at timestamptz  not null,
    position    bigserial
);
