-- A retried intake carrying the same Idempotency-Key answers the first answer (a double click at the desk is
-- not two complaints). The row is written in the intake's transaction, so a concurrent retry waits for it.
create table intake_idempotency (
    idempotency_key varchar(100) primary key,
    username        varchar(60)  not null,
    complaint_id    varchar(36)  not null,
    number          varchar(20)  not null,
    priority        varchar(10)  not null,
    created_at      timestamptz  not null default now()
);
