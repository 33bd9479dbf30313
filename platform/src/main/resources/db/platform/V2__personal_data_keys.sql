-- Personal data in events is encrypted with a key per data subject (a complaint's customer, a member…), kept here,
-- apart from the events (S3). Erasing a subject's data deletes the key: the events stay, unreadable where they
-- were personal. Every erasure is recorded.
create table personal_data_key (
    subject    varchar(100) primary key,
    secret     bytea        not null,
    created_at timestamptz  not null default now()
);

create table personal_data_erasure (
    subject    varchar(100) primary key,
    erased_by  varchar(60)  not null,
    reason     text         not null,
    erased_at  timestamptz  not null
);
