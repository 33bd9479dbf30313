-- Shifts and their entries (query/ShiftProjection), written in the transaction of their events.
create table shift_view (
    id         varchar(36) primary key,
    post       varchar(60) not null,
    shift_date date        not null,
    opened_by  varchar(60) not null,
    opened_at  timestamptz not null,
    open       boolean     not null
);
create index shift_view_open on shift_view (open, opened_at);

create table shift_entry_view (
    id          varchar(36)  primary key,
    shift_id    varchar(36)  not null references shift_view (id),
    occurred_at timestamptz  not null,
    category    varchar(30)  not null,
    description text         not null,
    handling    text,
    outcome     text,
    reference   varchar(60),
    recorded_by varchar(60)  not null,
    recorded_at timestamptz  not null
);
create index shift_entry_view_shift on shift_entry_view (shift_id, recorded_at);

-- Complaint calls that arrived while no shift was open; the next shift opened takes them in (D11).
create table pending_complaint_call (
    complaint_id varchar(36)  primary key,
    number       varchar(20)  not null,
    subject      varchar(200) not null,
    received_by  varchar(60),
    received_at  timestamptz  not null
);
