-- Customers' mail and parcels kept at the desk (D17): what is held, per tenant. Who collected one is personal data
-- and is not copied here: it is read, decrypted and erasable, from the parcel's own events.
create table parcel_view (
    id              varchar(36)  primary key,
    tenant          varchar(100) not null,
    shop            varchar(40),
    kind            varchar(20)  not null,
    outside         text         not null,
    delivered_by    varchar(100) not null,
    received_by     varchar(60)  not null,
    received_at     timestamptz  not null,
    stored_at       varchar(200) not null,
    custody         varchar(12)  not null,
    handed_over_at  timestamptz
);
create index parcel_view_held on parcel_view (tenant, received_at) where custody = 'HELD';

-- Visitors (D18): who is still in the building. The name only masked; in clear only in the visit's own events.
create table visitor_view (
    id             varchar(36)  primary key,
    masked_name    varchar(100) not null,
    visiting       varchar(100) not null,
    badge          varchar(20)  not null,
    arrived_at     timestamptz  not null,
    signed_in_by   varchar(60)  not null,
    left_at        timestamptz,
    signed_out_by  varchar(60)
);
create index visitor_view_in on visitor_view (arrived_at) where left_at is null;
