-- A retried create carrying the same Idempotency-Key answers the first answer and creates nothing (API-IDEM, C1):
-- one row per kind of record created (scope) and key, written in the creation's transaction, so that a concurrent
-- retry waits for it. The answer is the first answer's JSON; personal data is never part of it.
create table idempotent_create (
    scope           varchar(40)  not null,
    idempotency_key varchar(100) not null,
    username        varchar(60)  not null,
    answer          text,
    created_at      timestamptz  not null default now(),
    primary key (scope, idempotency_key)
);
