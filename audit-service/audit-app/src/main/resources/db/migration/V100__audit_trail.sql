-- A2 the auditors' trail: every event every service published, as it was published (the envelope's fields, its data
-- as the JSON text it travelled as: personal data already masked by the publishing service), from every topic, read
-- from offset 0. Wiped and read again it is the same (TrailReplayTest).
create table trail_event (
    event_id     uuid         not null primary key,
    topic        varchar(255) not null,
    type         varchar(100) not null,
    version      integer      not null,
    aggregate_id varchar(255),
    sequence     bigint       not null,
    occurred_at  timestamptz  not null,
    -- the instant exactly as published (timestamptz keeps microseconds only)
    published_at varchar(40)  not null,
    actor        varchar(255),
    department   varchar(100),
    data         text         not null
);

-- the trail in time order, and by actor or type in time order
create index trail_event_time on trail_event (occurred_at, event_id);
create index trail_event_actor on trail_event (actor, occurred_at);
create index trail_event_type on trail_event (type, occurred_at);

-- What an event is about: its aggregate (a complaint, an enquiry, a shift, a member, a script …), every record it
-- names by id (complaintId, memberId, shiftId …), and the shops it names (shopNo): one row each, indexed.
create table trail_subject (
    event_id uuid         not null references trail_event on delete cascade,
    subject  varchar(255) not null,
    kind     varchar(100) not null,
    primary key (event_id, subject)
);

create index trail_subject_subject on trail_subject (subject, event_id);
