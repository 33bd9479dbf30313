-- The supervisor's part of an escalated complaint (C14): who took it up from the inbox and when, and the
-- instructions given (上级的指导) in the order given; supervisor_sequence is the position of the last instructions
-- counted, so a batch handled twice does not add them twice.
alter table complaint_view
    add column supervisor_acknowledged_by varchar(60),
    add column supervisor_acknowledged_at timestamptz,
    add column supervisor_instructions    jsonb  not null default '[]'::jsonb,
    add column supervisor_sequence        bigint not null default -1;
-- the supervisor's inbox: escalated MAJOR complaints, those not yet taken up first
create index complaint_view_escalations on complaint_view (severity, supervisor_acknowledged_at, escalated_at)
    where escalated_at is not null;
