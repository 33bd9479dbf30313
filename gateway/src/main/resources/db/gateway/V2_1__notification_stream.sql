-- The per-user notification stream (README "Notifications", GET /api/streams/notifications): the browser rows are its
-- source, so each row keeps what the console shows and who may see it. department: the complaint's department for a
-- kind of one department (assigned, deadlines), else null; a DEPARTMENT user is shown such a row of their own
-- department only, whatever audience it was written for. facts: the notification's facts as JSON (number, dueAt, …,
-- the labels' keys), page: the console's page for it. Rows written before this migration have neither: the stream
-- sends their subject instead.
alter table notification add column department varchar(60);
alter table notification add column facts text;
alter table notification add column page varchar(300);
-- the stream reads the browser rows after an id, every second on each gateway instance
create index notification_browser on notification (id) where channel = 'browser';
