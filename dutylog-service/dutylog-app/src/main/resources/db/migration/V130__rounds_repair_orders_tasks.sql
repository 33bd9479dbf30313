-- The lobby's rounds (D16): one row per round, its checks as they were found.
create table round_view (
    id           varchar(36)  primary key,
    area         varchar(100) not null,
    checks       jsonb        not null,
    faults       integer      not null,
    recorded_by  varchar(60)  not null,
    recorded_at  timestamptz  not null
);
create index round_view_recent on round_view (recorded_at desc);

-- Repair orders to engineering (D16): open until closed; the handover shows those open at its time.
create table repair_order_view (
    id               varchar(36)  primary key,
    round_id         varchar(36)  not null,
    area             varchar(100) not null,
    item             varchar(200) not null,
    fault            text         not null,
    department       varchar(40)  not null,
    status           varchar(12)  not null,
    opened_by        varchar(60)  not null,
    opened_at        timestamptz  not null,
    acknowledged_by  varchar(60),
    acknowledged_at  timestamptz,
    acknowledge_note text,
    closed_by        varchar(60),
    closed_at        timestamptz,
    result           text
);
create index repair_order_view_open on repair_order_view (opened_at) where status <> 'CLOSED';

-- Tasks from superiors (D19): carried from handover to handover until done.
create table task_view (
    id             varchar(36)  primary key,
    text           text         not null,
    given_by       varchar(100) not null,
    assignee_kind  varchar(6)   not null,
    assignee       varchar(60)  not null,
    due_at         timestamptz  not null,
    recorded_by    varchar(60)  not null,
    recorded_at    timestamptz  not null,
    done_by        varchar(60),
    done_at        timestamptz,
    done_note      text,
    done_late      boolean
);
create index task_view_open on task_view (due_at) where done_at is null;
