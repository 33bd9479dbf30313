-- The search index (issue 19, GET /api/search; platform's SearchIndex): a row per complaint and enquiry with what
-- identifies it, its text normalised and the grams of its words (each character and each pair of neighbours, worked
-- out by the service: pg_trgm ignores Chinese and Russian under the C locale CloudNativePG creates databases with), in
-- a GIN index; the customer only masked. Kept by the complaint-view processor in the command's transaction.
create table search_entry (
    id           varchar(64) primary key,
    kind         varchar(20) not null,
    number       varchar(40),
    title        text,
    masked_name  text,
    masked_phone varchar(40),
    department   varchar(40),
    status       varchar(20),
    sort_at      timestamptz not null,
    text         text        not null,
    grams        text[]      not null
);
create index search_entry_grams on search_entry using gin (grams);
create index search_entry_kind_sort on search_entry (kind, sort_at desc, id);

-- The keyed hashes (HMAC-SHA256, kefu.search.secret) of a customer's phone number and full name: never in clear
-- (S1); deleted when the customer's data is erased (S3)
create table search_hash (
    subject varchar(64) not null,
    field   varchar(10) not null,
    hash    bytea       not null,
    primary key (subject, field)
);
create index search_hash_hash on search_hash (hash);

-- the complaints and enquiries registered before: a replay of the complaint-view processor fills the index
