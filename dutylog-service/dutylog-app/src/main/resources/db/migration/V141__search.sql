-- The search index (issue 19, GET /api/search; platform's SearchIndex): a row per lost item with what
-- identifies it, its text normalised and the grams of its words (each character and each pair of neighbours, worked
-- out by the service: pg_trgm ignores Chinese and Russian under the C locale CloudNativePG creates databases with), in
-- a GIN index (by description and where it was found: the claimant is not searched). Kept by the duty-records processor in the command's transaction.
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

-- The keyed hashes (HMAC-SHA256, kefu.search.secret) of a person's phone number and full name, as the other services
-- keep them (platform's SearchIndex); a lost item is searched by no person, so it stays empty here
create table search_hash (
    subject varchar(64) not null,
    field   varchar(10) not null,
    hash    bytea       not null,
    primary key (subject, field)
);
create index search_hash_hash on search_hash (hash);

-- the lost items registered before: a replay of the duty-records processor fills the index
