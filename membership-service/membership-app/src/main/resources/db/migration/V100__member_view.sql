-- Card numbers (command/CardNumbers): ten digits between the prefix 8 and the check digit; never reused.
create sequence member_card_number minvalue 1 maxvalue 9999999999 no cycle;

-- The member read model (query/MemberProjection); rebuilt from the event store by a replay.
-- Only the masked phone: the number in clear stays in the event store (S1).
create table member_view (
    id            varchar(36)  primary key,
    card_number   varchar(12)  not null unique,
    name          varchar(100) not null,
    masked_phone  varchar(30)  not null,
    tier          varchar(10)  not null,
    status        varchar(10)  not null,
    registered_by varchar(60)  not null,
    registered_at timestamptz  not null
);
