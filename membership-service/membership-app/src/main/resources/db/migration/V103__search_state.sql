-- A member's status is the view's (platform's SearchIndex reads it through search_state), not a second copy in the
-- search index written at every change
alter table search_entry drop column status, drop column department;
create view search_state (id, status, department) as
    select id, status::text, null::text from member_view;
