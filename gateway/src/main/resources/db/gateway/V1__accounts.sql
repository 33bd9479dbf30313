-- The staff who may sign in (README "User accounts"): the gateway's own database, this schema owned by Flyway.
create table account (
    username         varchar(60) primary key,
    -- bcrypt; never read out of the gateway, never in an event
    password_hash    varchar(100) not null,
    role             varchar(30)  not null,
    department       varchar(60),
    enabled          boolean      not null default true,
    -- failed sign-ins in a row since the last good one (or the last lock)
    failed_sign_ins  integer      not null default 0,
    locked_until     timestamptz,
    -- every token carries the generation it was issued at: disabling the account, setting its role or changing its
    -- password moves it on, and a token of an earlier generation is refused
    token_generation integer      not null default 0,
    -- how many events the account has had: the envelope's sequence
    events           bigint       not null default 0,
    created_at       timestamptz  not null,
    constraint account_department check ((role = 'DEPARTMENT') = (department is not null))
);

-- A refresh token (its SHA-256, never the token): good once, until it expires, for the generation it was issued at.
create table refresh_token (
    token_hash       char(64)    primary key,
    username         varchar(60) not null references account,
    token_generation integer     not null,
    expires_at       timestamptz not null
);
create index refresh_token_username on refresh_token (username);

-- The account events not yet on Kafka, written in the transaction of the change they record: a change and its event
-- never diverge. AccountOutbox publishes them in this order and deletes them once the broker has them.
create table account_outbox (
    position   bigserial   primary key,
    event_id   uuid        not null unique,
    username   varchar(60) not null,
    envelope   text        not null
);
