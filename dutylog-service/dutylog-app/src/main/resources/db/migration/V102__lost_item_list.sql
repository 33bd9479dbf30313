-- The list of lost items (LostItemQueries.list, GET /api/lost-items): by custody or not, the most recently found
-- first, a page at a time.
create index lost_item_view_found on lost_item_view (found_at desc, id desc);
create index lost_item_view_custody_found on lost_item_view (custody, found_at desc, id desc);
