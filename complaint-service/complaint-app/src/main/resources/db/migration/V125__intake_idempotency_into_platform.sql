-- Intake keys join every other create's in the platform's idempotent_create (API-IDEM): a retry of an intake
-- registered before this answers as it did.
insert into idempotent_create (scope, idempotency_key, username, answer, created_at)
select 'complaint', idempotency_key, username,
       json_build_object('id', complaint_id, 'number', number, 'status', 'RECEIVED', 'priority', priority)::text,
       created_at
from intake_idempotency where complaint_id <> ''
on conflict do nothing;
drop table intake_idempotency;
