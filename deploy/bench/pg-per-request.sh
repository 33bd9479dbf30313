#!/usr/bin/env bash
# What PostgreSQL does per complaint registered, under wrk load on a running kefu: WAL bytes, event rows in
# complaint-service's store, and statements per database. Counts, not times: they hold on a busy machine, where a rate
# does not, so two builds compare run against run. The system must run with KEFU_PG_STATEMENTS=on (pg_stat_statements).
# usage: POSTGRES_PORT=… deploy/bench/pg-per-request.sh URL SECONDS SCRIPT.lua   (needs wrk and psql)
# e.g.: KEFU_PG_STATEMENTS=on DATA_DIR=/tmp/kA POSTGRES_PORT=22432 … deploy/local/up.sh --detach, then
#       POSTGRES_PORT=22432 deploy/bench/pg-per-request.sh http://127.0.0.1:22081/ 30 deploy/bench/intake.lua
# Periodic work (processors' polls, heartbeats) is counted too, spread over the complaints of the run: compare runs of
# similar rates, or read the figures as upper bounds.
set -euo pipefail
url=$1 seconds=$2 script=$3
q() { psql -h 127.0.0.1 -p "${POSTGRES_PORT:-5432}" -U postgres -d "${2:-complaint}" -Atc "$1"; }
received="select count(*) from domain_event_entry where payload_type like '%ComplaintReceivedEvent'"
q "select pg_stat_statements_reset()" > /dev/null
wal=$(q "select pg_current_wal_lsn()")
complaints=$(q "$received")
events=$(q "select count(*) from domain_event_entry")
wrk -t1 -c"${CLIENTS:-8}" -d"${seconds}s" -s "$script" "$url" | grep -E "Requests/sec|Non-2xx" || true
sleep "${SETTLE:-20}" # what the consumers do after the last complaint belongs to the run
n=$(( $(q "$received") - complaints ))
echo "$n complaints"
echo "event rows per complaint:  $(echo "scale=2; ($(q "select count(*) from domain_event_entry") - $events) / $n" | bc)"
echo "WAL bytes per complaint:   $(echo "$(q "select pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal')") / $n" | bc)"
q "select d.datname, sum(s.calls) from pg_stat_statements s join pg_database d on d.oid = s.dbid
   where d.datname <> 'postgres' group by d.datname order by 2 desc" | while IFS='|' read -r db calls; do
  printf 'statements per complaint:  %-12s %s\n' "$db" "$(echo "scale=2; $calls / $n" | bc)"
done
