-- Someone asks for a tenant's telephone (篇5 4): the desk never gives it; it records the enquirer's contact and
-- tells the tenant. Kept by query/TenantContactProjection; the enquirer's phone only masked.
create table tenant_contact_view (
    id                     varchar(36)  primary key,
    tenant                 varchar(100) not null,
    enquirer_name          varchar(100) not null,
    enquirer_masked_phone  varchar(30),
    purpose                text         not null,
    status                 varchar(20)  not null,
    requested_by           varchar(60)  not null,
    requested_at           timestamptz  not null,
    notified_by            varchar(60),
    notified_at            timestamptz,
    notified_how           text,
    tenant_response        text
);
create index tenant_contact_status on tenant_contact_view (status, requested_at);
