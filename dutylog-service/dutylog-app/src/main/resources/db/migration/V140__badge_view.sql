-- Visitors' badges (D18): at the desk or out with a visit. The badge's own record, so that a badge reads as it was at
-- any instant (A4) like every other record; kept by the desk's projection from the badge's events.
create table badge_view (
    id          varchar(40)  primary key,
    badge       varchar(20)  not null,
    out_with    varchar(36),
    issued_at   timestamptz,
    returned_at timestamptz,
    issues      integer      not null default 0
);
