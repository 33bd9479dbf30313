#!/usr/bin/env bash
# Complaint intake against PostgreSQL's own append rate, measured in one run; prints the figures.
# BENCH_CLIENTS (16), BENCH_SECONDS (20), BENCH_WARMUP (10). Starts its own system on shifted ports
# (gateway 28080, PostgreSQL 28432, Kafka 28092) with its data under deploy/target/bench-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B -DskipTests package
# the load comes from one user: lift the gateway's per-user rate limit (50/s) out of the way
export KEFU_GATEWAY_RATE_LIMIT_PER_SECOND=1000000 KEFU_GATEWAY_RATE_LIMIT_BURST=1000000
exec java -Xmx512m -Dkefu.root="$root" -cp "deploy/target/classes:deploy/target/lib/*" \
  com.kefu.deploy.IntakeBenchmark
