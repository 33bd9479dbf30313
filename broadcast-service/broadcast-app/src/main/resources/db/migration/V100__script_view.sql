-- The script read model (query/ScriptProjection); rebuilt from the event store by a replay.
create table script_view (
    id         varchar(36)  primary key,
    version    integer      not null,
    status     varchar(20)  not null,
    title      varchar(200) not null,
    programme  varchar(60)  not null,
    text_zh    text         not null,
    text_ru    text         not null,
    author     varchar(60)  not null,
    drafted_at timestamptz  not null
);
