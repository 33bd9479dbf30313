-- The warning at four fifths of a stage's time (C17): when it is due and when it went out, beside the stage's
-- deadline on the complaint's own row (V130), kept by the same subscribing processor (complaint-view).
alter table complaint_view
    add column deadline_warn_at   timestamptz,
    add column deadline_warned_at timestamptz;

-- open stages: four fifths of their time (DeadlineProperties.warningAt computes the same to the millisecond);
-- a stage already past it and not missed is warned at the watch's next look
update complaint_view
set deadline_warn_at = deadline_entered_at + (deadline_due_at - deadline_entered_at) * 0.8
where deadline_stage is not null;

-- what the watch looks for: warnings due, not yet given, the deadline not yet missed
create index complaint_view_deadline_warn on complaint_view (deadline_warn_at)
    where deadline_warned_at is null and deadline_missed_at is null and deadline_warn_at is not null;
-- the queue sorted by when its current stage is due (GET /api/complaints?sort=dueAt), the closed ones last
create index complaint_view_due_order on complaint_view (deadline_due_at, id);

create or replace view complaint_deadline as
select id as complaint_id, number, priority, deadline_stage as stage, deadline_department as department,
       deadline_entered_at as entered_at, deadline_due_at as due_at, deadline_missed_at as missed_at,
       deadline_warn_at as warn_at, deadline_warned_at as warned_at
from complaint_view
where deadline_stage is not null;
