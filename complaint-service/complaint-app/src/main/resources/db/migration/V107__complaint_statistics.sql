-- The statistics' own read model (C11), kept by query/ComplaintStatistics in its own processing group so that
-- it can be reset and rebuilt from the events without touching the complaint list.
create table complaint_statistic (
    complaint_id    varchar(36) primary key,
    received_at     timestamptz not null,
    channel         varchar(20) not null,
    category        varchar(30) not null,
    severity        varchar(10) not null,
    priority        varchar(10) not null,
    department      varchar(40),
    status          varchar(20) not null,
    status_since    timestamptz not null,
    follow_up_calls int         not null default 0,
    reached_calls   int         not null default 0,
    satisfaction    smallint,
    satisfied       boolean,
    reopened        int         not null default 0,
    last_sequence   bigint      not null
);
create index complaint_statistic_received on complaint_statistic (received_at);

-- every stage a complaint left, and how long it stayed: one row per leaving event
create table complaint_stage_time (
    complaint_id varchar(36) not null,
    sequence     bigint      not null,
    stage        varchar(20) not null,
    millis       bigint      not null,
    primary key (complaint_id, sequence)
);

create table complaint_missed_statistic (
    complaint_id varchar(36) not null,
    sequence     bigint      not null,
    stage        varchar(20) not null,
    priority     varchar(10) not null,
    department   varchar(40),
    missed_at    timestamptz not null,
    primary key (complaint_id, sequence)
);
create index complaint_missed_statistic_at on complaint_missed_statistic (missed_at);

create table improvement_proposal (
    id          varchar(36)  primary key,
    period      varchar(7)   not null,
    first_day   date         not null,
    last_day    date         not null,
    title       varchar(200) not null,
    proposal    text         not null,
    recorded_by varchar(60)  not null,
    recorded_at timestamptz  not null
);
create index improvement_proposal_days on improvement_proposal (first_day, last_day);
