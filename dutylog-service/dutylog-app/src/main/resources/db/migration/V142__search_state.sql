-- A lost item's status is its custody in the view (platform's SearchIndex reads it through search_state), not a second
-- copy in the search index written at every step
alter table search_entry drop column status, drop column department;
create view search_state (id, status, department) as
    select id, custody::text, null::text from lost_item_view;
