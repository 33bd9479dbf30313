-- The complaint read model (query/ComplaintProjection); rebuilt from the event store by a replay.
create table complaint_view (
    id                    varchar(36)  primary key,
    number                varchar(20)  not null unique,
    status                varchar(20)  not null,
    channel               varchar(20)  not null,
    category              varchar(30)  not null,
    severity              varchar(10)  not null,
    priority              varchar(10)  not null,
    customer_name         varchar(100) not null,
    customer_masked_phone varchar(30),
    member_id             varchar(40),
    merchant_shop_no      varchar(20),
    merchant_name         varchar(100),
    subject               varchar(200) not null,
    description           text,
    department            varchar(40),
    received_by           varchar(60)  not null,
    received_at           timestamptz  not null
);
create index complaint_view_status on complaint_view (status, received_at);
create index complaint_view_department on complaint_view (department, status);
