#!/usr/bin/env bash
# What a projection's rebuild costs PostgreSQL per event replayed, on a running kefu: WAL bytes and statements per
# event, and events/s (a rate only on a quiet machine; the counts hold on a busy one, so two builds compare run against
# run). The system must run with KEFU_PG_STATEMENTS=on (pg_stat_statements). SEED complaints (default 1000) are first
# registered, assigned, acknowledged and resolved at complaint-service (4 events each), as path.sh's P2 seeds them.
# usage: POSTGRES_PORT=… GATEWAY=http://127.0.0.1:22080 SERVICE=http://127.0.0.1:22081 deploy/bench/pg-per-replay.sh [PROJECTION]
# (needs curl and psql; PROJECTION defaults to complaint-view)
set -euo pipefail
projection=${1:-complaint-view}
gateway=${GATEWAY:-http://127.0.0.1:8080} service=${SERVICE:-http://127.0.0.1:8081}
q() { psql -h 127.0.0.1 -p "${POSTGRES_PORT:-5432}" -U postgres -d complaint -Atc "$1"; }
token() { curl -sf "$gateway/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"${PASSWORD:-demo}\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
desk=$(token desk) aftersales=$(token aftersales) engineering=$(token engineering) admin=$(token admin)
call() { curl -sf -o /dev/null -X POST "$service/api/complaints$1" -H "Authorization: Bearer $2" \
  -H 'Content-Type: application/json' -d "$3"; }
one() {
  id=$(curl -sf -X POST "$service/api/complaints" -H "Authorization: Bearer $desk" -H 'Content-Type: application/json' \
    -d "{\"channel\":\"VISIT\",\"category\":\"FACILITY\",\"severity\":\"NORMAL\",\"customer\":{\"name\":\"王芳\",
\"phone\":\"13812345678\"},\"subject\":\"空调不制冷 $1\",\"description\":\"3楼 A-1024 出风口不凉\"}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/')
  call "/$id/assign" "$aftersales" '{"department":"engineering"}'
  call "/$id/acknowledge" "$engineering" '{}'
  call "/$id/resolve" "$engineering" '{"result":"已处理 / решено"}'
}
export -f one call; export service desk aftersales engineering
seq "${SEED:-1000}" | xargs -P 4 -I{} bash -c 'one {}'
events=$(q "select count(*) from domain_event_entry")
echo "$events events in the store"
q "select pg_stat_statements_reset()" > /dev/null
wal=$(q "select pg_current_wal_lsn()")
start=$(date +%s.%N)
curl -sf -o /dev/null -X POST "$service/admin/projections/$projection/replay" -H "Authorization: Bearer $admin"
sleep 1
while curl -sf "$service/admin/projections/$projection" -H "Authorization: Bearer $admin" | grep -q '"replaying":true'; do
  sleep 0.2
done
seconds=$(echo "$(date +%s.%N) - $start" | bc)
echo "replay of $projection: $events events in $seconds s: $(echo "$events / $seconds" | bc) events/s"
echo "WAL bytes per event:        $(echo "$(q "select pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal')") / $events" | bc)"
echo "statements per event:       $(echo "scale=2; $(q "select sum(calls) from pg_stat_statements s join pg_database d
  on d.oid = s.dbid where d.datname = 'complaint'") / $events" | bc)"
q "select calls, round(total_exec_time) as ms, left(regexp_replace(query, '\s+', ' ', 'g'), 90) from pg_stat_statements s
   join pg_database d on d.oid = s.dbid where d.datname = 'complaint' order by total_exec_time desc limit 8"
