-- The parties of a dispute and CS_HEAD's ruling (C9).
alter table complaint_view
    add column dispute_complainant varchar(10),
    add column dispute_respondent  varchar(10),
    add column ruling              text;
