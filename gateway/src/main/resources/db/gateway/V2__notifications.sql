-- Notifications beyond the console (README "Notifications", issue 19 item 4).

-- A user's own e-mail address (optional), where the notifications of their role or department are sent.
alter table account add column email varchar(254);

-- What an audience is told of, per channel: an audience is a department (as complaints name it: security, …) or a
-- role (SUPERVISOR, …). Kinds: assigned, deadline-approaching, deadline-missed, escalated, fire,
-- script-awaiting-approval. Lists are comma-separated (a kind or an address has no comma). addresses: extra e-mail
-- addresses told besides the audience's accounts (a department's shared mailbox).
create table notification_subscription (
    audience_type varchar(20)  not null,
    audience      varchar(60)  not null,
    email_kinds   varchar(300) not null default '',
    browser_kinds varchar(300) not null default '',
    addresses     varchar(2600) not null default '',
    updated_by    varchar(60)  not null,
    updated_at    timestamptz  not null,
    primary key (audience_type, audience),
    constraint notification_audience_type check (audience_type in ('department', 'role'))
);

-- The defaults, after the rulebook: a department is told of the complaints assigned to it and of their deadlines
-- (C5, C10, C17); the supervisor of escalations (C3, C14), missed deadlines (C10) and of the scripts waiting for their
-- approval (B3: the SUPERVISOR approves); security (保安部) and the CS head of a fire (D10, 篇2 T). Departments are
-- data (C5): one added later has no subscription until an ADMIN or the CS head gives it one.
insert into notification_subscription (audience_type, audience, email_kinds, browser_kinds, updated_by, updated_at)
values
    ('department', 'security', 'assigned,deadline-approaching,deadline-missed,fire',
                               'assigned,deadline-approaching,deadline-missed,fire', 'system', now()),
    ('department', 'engineering', 'assigned,deadline-approaching,deadline-missed',
                                  'assigned,deadline-approaching,deadline-missed', 'system', now()),
    ('department', 'cleaning', 'assigned,deadline-approaching,deadline-missed',
                               'assigned,deadline-approaching,deadline-missed', 'system', now()),
    ('department', 'leasing', 'assigned,deadline-approaching,deadline-missed',
                              'assigned,deadline-approaching,deadline-missed', 'system', now()),
    ('department', 'finance', 'assigned,deadline-approaching,deadline-missed',
                              'assigned,deadline-approaching,deadline-missed', 'system', now()),
    ('role', 'SUPERVISOR', 'escalated,deadline-missed,script-awaiting-approval',
                           'escalated,deadline-missed,script-awaiting-approval', 'system', now()),
    ('role', 'CS_HEAD', 'fire', 'fire', 'system', now());

-- Each notification, recorded: one row per (event, channel, recipient), written once whatever how often the event is
-- read (the unique key). E-mail rows wait as pending until sent (or failed after the last attempt); a browser row
-- records that the event was one for that audience's open consoles (recipient 'department:security', 'role:CS_HEAD'),
-- which show it from their live streams.
create table notification (
    id              bigserial    primary key,
    event_id        uuid         not null,
    event_type      varchar(60)  not null,
    kind            varchar(40)  not null,
    channel         varchar(10)  not null,
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body            text         not null,
    status          varchar(10)  not null,
    attempts        integer      not null default 0,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    updated_at      timestamptz  not null,
    constraint notification_once unique (event_id, channel, recipient),
    constraint notification_status check (status in ('pending', 'sent', 'failed')),
    constraint notification_channel check (channel in ('email', 'browser'))
);
create index notification_due on notification (next_attempt_at) where status = 'pending';
create index notification_newest on notification (created_at desc, id desc);
