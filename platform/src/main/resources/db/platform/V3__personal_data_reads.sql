-- Every read of personal data in clear (S2): who read whose, what, when and why. Readable by AUDITOR.
create table personal_data_read (
    id       bigserial    primary key,
    read_by  varchar(60)  not null,
    subject  varchar(100) not null,
    what     varchar(100) not null,
    why      text         not null,
    read_at  timestamptz  not null
);
create index personal_data_read_at on personal_data_read (read_at);
create index personal_data_read_subject on personal_data_read (subject);
