-- One active membership per phone (command/PhoneClaims): the command side's own table, written in the same
-- transaction as the member's events. Phones are normalised to their digits.
create table member_phone_claim (
    phone     varchar(24) primary key,
    member_id varchar(36) not null
);
create index member_phone_claim_member on member_phone_claim (member_id);

-- Tiers and their benefits (M2), as data: points_to_reach is the automatic rule (points earned over the
-- membership); a tier without it is given by decision only.
create table tier_benefit (
    tier            varchar(10) primary key,
    rank            int         not null unique,
    points_to_reach bigint,
    benefits_zh     text        not null,
    benefits_ru     text        not null
);
insert into tier_benefit (tier, rank, points_to_reach, benefits_zh, benefits_ru) values
    ('REGULAR', 0, null, '消费积分; 会员日折扣', 'Баллы за покупки; скидки в день участника'),
    ('SILVER', 1, 1000, '积分1.2倍; 免费停车2小时', 'Баллы ×1,2; 2 часа бесплатной парковки'),
    ('GOLD', 2, 5000, '积分1.5倍; 免费停车4小时; 免费礼品包装', 'Баллы ×1,5; 4 часа бесплатной парковки; бесплатная упаковка подарков'),
    ('VIP', 3, null, '积分2倍; 专属客服; 投诉优先处理; 贵宾休息室',
        'Баллы ×2; личный консультант; жалобы рассматриваются в первую очередь; VIP-зал');

-- The member read model grows the status, the points and the changes.
alter table member_view
    add column points      bigint      not null default 0,
    add column earned      bigint      not null default 0,
    add column changed_at  timestamptz,
    add column last_sequence bigint    not null default -1;

-- every card a member ever had; only the current one finds the member
create table member_card (
    card_number varchar(12) primary key,
    member_id   varchar(36) not null,
    issued_at   timestamptz not null,
    replaced_at timestamptz
);
create index member_card_member on member_card (member_id);

create table member_points (
    member_id  varchar(36) not null,
    sequence   bigint      not null,
    delta      bigint      not null,
    balance    bigint      not null,
    reason     text        not null,
    changed_by varchar(60) not null,
    changed_at timestamptz not null,
    primary key (member_id, sequence)
);

create table campaign_view (
    id               varchar(36)  primary key,
    name             varchar(100) not null,
    item             varchar(100) not null,
    stock            int          not null,
    initial_stock    int          not null,
    per_member_limit int          not null,
    starts_on        date         not null,
    ends_on          date         not null,
    started_by       varchar(60)  not null,
    started_at       timestamptz  not null,
    handed_out       int          not null default 0,
    last_sequence    bigint       not null default -1
);

create table gift_handout (
    campaign_id    varchar(36)  not null,
    sequence       bigint       not null,
    member_id      varchar(36)  not null,
    item           varchar(100) not null,
    quantity       int          not null,
    handed_out_by  varchar(60)  not null,
    handed_out_at  timestamptz  not null,
    primary key (campaign_id, sequence)
);
create index gift_handout_member on gift_handout (member_id);

-- ticket numbers of front-desk services (command/ServiceDesk): never reused
create sequence service_request_number;

create table service_request_view (
    id            varchar(36)  primary key,
    number        varchar(20)  not null unique,
    kind          varchar(20)  not null,
    member_id     varchar(36),
    details       text         not null,
    status        varchar(10)  not null,
    registered_by varchar(60)  not null,
    registered_at timestamptz  not null,
    closed_by     varchar(60),
    closed_at     timestamptz,
    note          text
);
create index service_request_member on service_request_view (member_id);
create index service_request_registered on service_request_view (registered_at);
