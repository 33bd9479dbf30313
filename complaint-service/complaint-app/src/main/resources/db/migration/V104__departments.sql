-- The responsible departments (责任部门) complaints are assigned to (C5): data, kept by ADMIN, not code.
create table department (
    id      varchar(40)  primary key,
    name_zh varchar(60)  not null,
    name_ru varchar(80)  not null,
    name_en varchar(80)  not null,
    active  boolean      not null default true
);
insert into department (id, name_zh, name_ru, name_en) values
    ('security',    '保安部', 'Служба безопасности',  'Security'),
    ('engineering', '工程部', 'Инженерная служба',    'Engineering'),
    ('cleaning',    '保洁部', 'Служба уборки',        'Cleaning'),
    ('leasing',     '招商部', 'Отдел аренды',         'Leasing'),
    ('finance',     '财务部', 'Финансовый отдел',     'Finance');
