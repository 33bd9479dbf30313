-- complaint-service's own view of members' tiers, from membership.events (C4): a VIP's complaint is urgent.
create table member_tier (
    member_id  varchar(40) primary key,
    tier       varchar(10) not null,
    changed_at timestamptz not null
);
