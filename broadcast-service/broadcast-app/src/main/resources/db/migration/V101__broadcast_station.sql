-- The read models of the approval workflow, the plan, what aired, equipment and reviews (query/*Projection,
-- rebuilt by replaying the event store), and two tables of data kept by hand: the recurring slots of every day
-- and the pre-approved emergency templates.

-- the version that may air (B3, B4) beside the latest version the row describes
alter table script_view
    add column airable_version integer,
    add column valid_from      date,
    add column valid_until     date,
    add column updated_at      timestamptz;
update script_view set updated_at = drafted_at;
alter table script_view alter column updated_at set not null;
create index script_view_status on script_view (status);

-- every version of every script, with what became of it (B2, B3)
create table script_version (
    script_id   varchar(36)  not null,
    version     integer      not null,
    title       varchar(200) not null,
    programme   varchar(60)  not null,
    text_zh     text         not null,
    text_ru     text         not null,
    author      varchar(60)  not null,
    written_at  timestamptz  not null,
    status      varchar(20)  not null,
    decided_by  varchar(60),
    decided_at  timestamptz,
    reason      text,
    valid_from  date,
    valid_until date,
    primary key (script_id, version)
);

-- the slots of each day's plan (B1)
create table plan_slot (
    slot_id      varchar(36) primary key,
    plan_date    date        not null,
    slot_time    time        not null,
    programme    varchar(60) not null,
    script_id    varchar(36),
    equipment_id varchar(36),
    planned_by   varchar(60) not null,
    planned_at   timestamptz not null
);
create index plan_slot_date on plan_slot (plan_date, slot_time);

-- slots of every day (B1: the opening and closing announcements), data the broadcaster keeps, not events
create table recurring_slot (
    id           varchar(40) primary key,
    slot_time    time        not null,
    programme    varchar(60) not null,
    script_id    varchar(36),
    equipment_id varchar(36),
    updated_by   varchar(60) not null,
    updated_at   timestamptz not null
);
insert into recurring_slot (id, slot_time, programme, updated_by, updated_at) values
    ('opening', '09:00', 'OPENING', 'system', now()),
    ('closing', '21:00', 'CLOSING', 'system', now());

-- the station's equipment, its maintenance and its faults (B6)
create table equipment (
    id                 varchar(36)  primary key,
    name               varchar(120) not null,
    location           varchar(120),
    registered_at      timestamptz  not null,
    last_maintained_at timestamptz
);
create table equipment_maintenance (
    id           varchar(36) primary key,
    equipment_id varchar(36) not null references equipment (id),
    description  text        not null,
    performed_by varchar(60) not null,
    performed_at timestamptz not null,
    recorded_by  varchar(60) not null
);
create index equipment_maintenance_of on equipment_maintenance (equipment_id, performed_at);
create table equipment_fault (
    id           varchar(36) primary key,
    equipment_id varchar(36) not null references equipment (id),
    description  text        not null,
    reported_by  varchar(60) not null,
    reported_at  timestamptz not null,
    repair       text,
    cleared_by   varchar(60),
    cleared_at   timestamptz
);
create index equipment_fault_open on equipment_fault (equipment_id) where cleared_at is null;

-- content review notes per programme or column (B5)
create table review_note (
    id             varchar(36) primary key,
    programme      varchar(60) not null,
    verdict        varchar(20) not null,
    note           text        not null,
    script_id      varchar(36),
    script_version integer,
    reviewer       varchar(60) not null,
    recorded_at    timestamptz not null
);
create index review_note_programme on review_note (programme, recorded_at);

-- the programme log: what aired, in which language, when, by whom (B4); emergencies too (B7)
create table airing (
    id          varchar(80)  primary key,
    day         date         not null,
    aired_at    timestamptz  not null,
    -- an emergency airs its languages one after the other at one instant: this keeps their order
    position    smallint     not null default 0,
    script_id   varchar(36),
    version     integer,
    template    varchar(40),
    language    varchar(2)   not null,
    title       varchar(200) not null,
    programme   varchar(60)  not null,
    emergency   boolean      not null,
    incident_id varchar(80),
    aired_by    varchar(80)  not null
);
create index airing_day on airing (day, aired_at, position);

-- the pre-approved emergency templates (B7), in both languages; changed by a migration, as approved texts are
create table emergency_template (
    code        varchar(40)  primary key,
    title       varchar(200) not null,
    programme   varchar(60)  not null,
    text_zh     text         not null,
    text_ru     text         not null,
    approved_by varchar(60)  not null,
    approved_on date         not null
);
insert into emergency_template (code, title, programme, text_zh, text_ru, approved_by, approved_on) values
    ('FIRE_EVACUATION', '火警疏散 / Эвакуация при пожаре', 'EMERGENCY',
     '各位顾客请注意：商城内发生火情。请保持冷静，听从工作人员指挥，沿安全出口指示有序撤离，不要乘坐电梯。',
     'Уважаемые покупатели, внимание! В торговом центре пожар. Сохраняйте спокойствие, следуйте указаниям '
         || 'персонала и организованно покиньте здание через запасные выходы. Не пользуйтесь лифтами.',
     'supervisor', date '2026-01-01'),
    ('LOST_CHILD', '寻找走失儿童 / Потерялся ребёнок', 'LOST_CHILD',
     '顾客朋友们请注意：有一名儿童与家人走散。看到独自一人的儿童，请将其带到一楼客户服务中心；孩子的家长请到一楼客户服务中心。',
     'Уважаемые покупатели, внимание! Ребёнок потерялся и ищет родителей. Если вы видите ребёнка без взрослых, '
         || 'проводите его, пожалуйста, в службу поддержки клиентов на первом этаже. Родителей просим подойти туда же.',
     'supervisor', date '2026-01-01');
