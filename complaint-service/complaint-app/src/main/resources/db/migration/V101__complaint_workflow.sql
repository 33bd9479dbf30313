-- The workflow's traces in the read model: who has it, what they did, how the customer answered.
alter table complaint_view
    add column instructions   text,
    add column acknowledged   boolean not null default false,
    add column result         text,
    add column satisfaction   integer,
    add column follow_up_calls integer not null default 0,
    add column escalated_at   timestamptz,
    add column assigned_at    timestamptz,
    add column resolved_at    timestamptz,
    add column followed_up_at timestamptz,
    add column archived_at    timestamptz;

-- the position of the last counted follow-up call, so a batch handled twice does not count a call twice
alter table complaint_view add column last_sequence bigint not null default -1;
