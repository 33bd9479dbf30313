-- The duty log beyond entries: corrections (D3), duty days (D5), carry-over and handover (D1, D6), incidents with
-- their photos (D4, D10), the manager's signatures (D5), MAJOR complaints still open (D7), lost and found (D9).

-- An entry belongs to the duty day on which what it records happened (the mall's time zone): the day the
-- manager signs and seals.
alter table shift_entry_view add column corrects varchar(36);
alter table shift_entry_view add column duty_day date;
update shift_entry_view set duty_day = (occurred_at at time zone 'Asia/Shanghai')::date;
alter table shift_entry_view alter column duty_day set not null;
create index shift_entry_view_day on shift_entry_view (duty_day);
create index shift_entry_view_corrects on shift_entry_view (corrects);
-- the order entries were written in (recorded_at may tie); a page reads in this order
alter table shift_entry_view add column position bigserial;
create index shift_entry_view_position on shift_entry_view (shift_id, position);

-- What the page took over from the previous shift, and how it was handed over (JSON of the events' lists).
alter table shift_view add column from_shift_id varchar(36);
alter table shift_view add column carried_over jsonb;
alter table shift_view add column handover jsonb;
alter table shift_view add column handed_over_at timestamptz;
create index shift_view_post on shift_view (post, handed_over_at);

create table incident_view (
    id          varchar(36)  primary key,
    shift_id    varchar(36)  not null,
    category    varchar(30)  not null,
    major       boolean      not null,
    reporter    varchar(100) not null,
    location    varchar(200) not null,
    description text         not null,
    fire        jsonb,
    occurred_at timestamptz  not null,
    duty_day    date         not null,
    reported_by varchar(60)  not null,
    reported_at timestamptz  not null,
    outcome     text,
    resolved_by varchar(60),
    resolved_at timestamptz
);
create index incident_view_unresolved on incident_view (reported_at) where resolved_at is null;
create index incident_view_day on incident_view (duty_day);

-- The photos themselves: kept here, not in the events (which carry their SHA-256); written with the command.
create table incident_photo (
    id           varchar(36) primary key,
    incident_id  varchar(36) not null,
    content_type varchar(30) not null,
    size_bytes   bigint      not null,
    sha256       char(64)    not null,
    data         bytea       not null,
    uploaded_by  varchar(60) not null,
    uploaded_at  timestamptz not null
);
create index incident_photo_incident on incident_photo (incident_id, uploaded_at);

create table duty_day_signature (
    duty_day  date        primary key,
    digest    char(64)    not null,
    entries   integer     not null,
    signed_by varchar(60) not null,
    signed_at timestamptz not null
);

-- MAJOR complaints escalated in complaint-service, from complaint.events: a handover waits for them (D7).
create table major_complaint (
    complaint_id varchar(36) primary key,
    number       varchar(20) not null,
    open         boolean     not null,
    updated_at   timestamptz not null
);

create table lost_item_view (
    id            varchar(36)  primary key,
    description   text         not null,
    found_by      varchar(100) not null,
    found_at      timestamptz  not null,
    found_where   varchar(200) not null,
    handed_to     varchar(100) not null,
    stored_at     varchar(200) not null,
    custody       varchar(10)  not null,
    registered_at timestamptz  not null,
    closed_at     timestamptz
);
create index lost_item_view_stored on lost_item_view (found_at) where custody = 'STORED';
