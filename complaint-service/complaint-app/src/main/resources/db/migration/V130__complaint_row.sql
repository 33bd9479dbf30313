-- The statistics' figures (C11) and the current stage's deadline (C10) become columns of the complaint's own row,
-- kept by the same subscribing processor as the view (complaint-view). A registration wrote three rows with eight
-- index entries (the view, complaint_statistic, complaint_deadline); it now writes one row with six.
-- complaint_statistic and complaint_deadline stay as views of that row for those who read them.
alter table complaint_view
    add column statistic_status    varchar(20),
    add column status_since        timestamptz,
    add column reached_calls       int    not null default 0,
    add column satisfied           boolean,
    add column reopened            int    not null default 0,
    add column statistic_sequence  bigint not null default -1,
    add column deadline_stage      varchar(20),
    add column deadline_department varchar(40),
    add column deadline_entered_at timestamptz,
    add column deadline_due_at     timestamptz,
    add column deadline_missed_at  timestamptz;

update complaint_view v
set statistic_status = s.status, status_since = s.status_since, reached_calls = s.reached_calls,
    satisfied = s.satisfied, reopened = s.reopened, statistic_sequence = s.last_sequence
from complaint_statistic s
where s.complaint_id = v.id;

update complaint_view v
set deadline_stage = d.stage, deadline_department = d.department, deadline_entered_at = d.entered_at,
    deadline_due_at = d.due_at, deadline_missed_at = d.missed_at
from complaint_deadline d
where d.complaint_id = v.id;

drop table complaint_statistic;
drop table complaint_deadline;

create index complaint_view_received on complaint_view (received_at);
create index complaint_view_deadline_due on complaint_view (deadline_due_at)
    where deadline_missed_at is null and deadline_due_at is not null;

create view complaint_statistic as
select id as complaint_id, received_at, channel, category, severity, priority, department,
       statistic_status as status, status_since, follow_up_calls, reached_calls, satisfaction, satisfied, reopened,
       statistic_sequence as last_sequence
from complaint_view
where statistic_status is not null;

create view complaint_deadline as
select id as complaint_id, number, priority, deadline_stage as stage, deadline_department as department,
       deadline_entered_at as entered_at, deadline_due_at as due_at, deadline_missed_at as missed_at
from complaint_view
where deadline_stage is not null;
