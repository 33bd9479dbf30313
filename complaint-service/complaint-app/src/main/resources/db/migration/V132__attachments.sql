-- Files attached to complaints and enquiries (C16): the bytes and the client's file name live here, written by
-- command/Attachments in the same transaction as the record's AttachmentAdded event (which carries type, size and
-- SHA-256 only). Not a projection: the event store does not hold the bytes, so no replay rebuilds or resets this.
-- Erasure of the customer's data (S3) empties data and file_name and sets erased_at; the hash stays.
create table attachment (
    id           varchar(36)  primary key,
    owner_kind   varchar(20)  not null check (owner_kind in ('COMPLAINT', 'ENQUIRY')),
    owner_id     varchar(36)  not null,
    file_name    varchar(200),
    content_type varchar(40)  not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    sha256       char(64)     not null,
    data         bytea,
    uploaded_by  varchar(60)  not null,
    uploaded_at  timestamptz  not null,
    erased_at    timestamptz,
    check ((data is null) = (erased_at is not null))
);
create index attachment_owner on attachment (owner_kind, owner_id, uploaded_at);
