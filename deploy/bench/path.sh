#!/usr/bin/env bash
# The whole path of a complaint, each figure against what the servers underneath do on their own, measured in one run:
# P1 intake, P2 projection replay, P3 department live-stream latency, P4 history, P5 memory. Prints a table with
# PASS/FAIL per target and writes it as JSON (BENCH_OUT, default deploy/target/bench-path.json).
# Starts its own system (PostgreSQL, Kafka, every service, the gateway) on shifted ports (gateway 28080, services
# 28081-28084, PostgreSQL 28432, Kafka 28092/28093) with its data under deploy/target/bench-path-*.
# Settings: BENCH_CLIENTS (16), BENCH_SECONDS (20), BENCH_WARMUP (600: the least; the warm-up goes on in 30 s rounds
# until the rate is steady, at most BENCH_WARMUP_MAX, 900), BENCH_BASELINE_SECONDS (10),
# BENCH_REPLAY_EVENTS (100000), BENCH_PROJECTION (complaint-view), BENCH_LATENCY_SAMPLES (300),
# BENCH_HISTORY_EVENTS (200), BENCH_HISTORY_READS (300), BENCH_KAFKA_MESSAGES (5000); BENCH_BUILD=0 skips the build.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ "${BENCH_BUILD:-1}" != 0 ]; then
  ./mvnw -q -B -DskipTests package
fi
commit=$(git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)
# the load comes from few users: lift the gateway's per-user rate limit (50/s) out of the way
export KEFU_GATEWAY_RATE_LIMIT_PER_SECOND=1000000 KEFU_GATEWAY_RATE_LIMIT_BURST=1000000
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec java -Xmx512m -Dkefu.root="$root" -Dkefu.commit="$commit" -cp "deploy/target/classes:deploy/target/lib/*" \
  com.kefu.deploy.PathBenchmark
