#!/usr/bin/env bash
# Complaint intake against PostgreSQL's own append rate, measured in one run; prints the figures.
# BENCH_CLIENTS (16), BENCH_SECONDS (20), BENCH_WARMUP (10). Starts its own system on shifted ports
# (gateway 28080, PostgreSQL 35432, Kafka 39092) with its data under deploy/target/bench-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B -DskipTests package
exec java -Xmx512m -Dkefu.root="$root" -cp "deploy/target/classes:deploy/target/lib/*" \
  com.kefu.deploy.IntakeBenchmark
