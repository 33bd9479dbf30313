-- The enquiry list (C12), kept by query/EnquiryProjection in the complaint-view processing group.
create table enquiry_view (
    id                    varchar(36)  primary key,
    number                varchar(20)  not null unique,
    status                varchar(20)  not null,
    channel               varchar(20)  not null,
    stage                 varchar(20)  not null,
    customer_name         varchar(100) not null,
    customer_masked_phone varchar(30),
    question              text         not null,
    answer                text,
    received_by           varchar(60)  not null,
    received_at           timestamptz  not null,
    answered_by           varchar(60),
    answered_at           timestamptz,
    archived_at           timestamptz
);
create index enquiry_view_received on enquiry_view (received_at);
create index enquiry_view_status on enquiry_view (status, received_at);
