#!/usr/bin/env bash
# CPU each process of a running kefu spends per request, under wrk load: the figure to compare before and after a
# change to the command path (a ratio of CPU time to requests holds far better than a rate on a shared machine).
# usage: DATA_DIR=… deploy/bench/cpu-per-request.sh URL SECONDS SCRIPT.lua   (needs wrk: apt-get install wrk)
# e.g. against up.sh's system: deploy/bench/cpu-per-request.sh http://127.0.0.1:8081/ 30 deploy/bench/intake.lua
# Run it a few times after a start: the services reach their speed only after two to three minutes of load (JIT).
set -euo pipefail
data=${DATA_DIR:-$HOME/.local/share/kefu}
url=$1 seconds=$2 script=$3

ticks() {
  # the processes of this DATA_DIR's system only (the supervisor's pid files), not another system's or a test JVM
  local file name pid
  for file in "$data"/run/*.pid; do
    name=$(basename "$file" .pid)
    case "$name" in supervisor | postgres*) continue ;; esac
    pid=$(cat "$file")
    if [ -r "/proc/$pid/stat" ]; then
      echo "$name $(awk '{print $14 + $15}' "/proc/$pid/stat")"
    fi
  done
  local postmaster total
  postmaster=$(pgrep -f "bin/postgres -D $data" | head -1)
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for pid in $(ps --ppid "$postmaster" -o pid=); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "postgres $total"
}

before=$(mktemp) after=$(mktemp) out=$(mktemp)
ticks | sort > "$before"
wrk -t2 -c"${CLIENTS:-16}" -d"${seconds}s" --latency -s "$script" "$url" > "$out"
ticks | sort > "$after"
requests=$(grep "requests in" "$out" | awk '{print $1}')
grep -E "Requests/sec|50%|99%|Non-2xx" "$out"
hz=$(getconf CLK_TCK)
join "$before" "$after" | awk -v n="$requests" -v hz="$hz" \
  '{ms = ($3 - $2) * 1000 / hz; total += ms; printf "%-16s %7.3f ms CPU per request\n", $1, ms / n}
   END {printf "%-16s %7.3f ms CPU per request\n", "all", total / n}'
rm -f "$before" "$after" "$out"
