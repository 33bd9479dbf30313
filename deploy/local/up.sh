#!/usr/bin/env bash
# Starts the whole system on this machine with nothing but Java 17: a real PostgreSQL and Kafka broker,
# the five services and the gateway on port 8080. Builds first on a fresh clone, and again when sources
# changed. A process that dies is started again (with a back-off) and the output says so. `--detach` starts a
# supervisor of its own (DATA_DIR/logs/supervisor.log) and returns once everything is healthy;
# deploy/local/down.sh stops it. `--cluster` starts three brokers, two instances of each service and two gateways (R6).
#
# DATA_DIR (default ~/.local/share/kefu) holds the data and the logs; a new DATA_DIR is a fresh system.
# PG_URL / PG_USER / PG_PASSWORD or KAFKA_BOOTSTRAP use servers you already run instead of embedded ones.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

stamp=deploy/target/lib/.built
if [ ! -f "$stamp" ] || [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o -type f \
      \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.json' -o -name '*.pem' \
      -o -name '*.html' -o -name '*.js' -o -name '*.css' \) \
      -newer "$stamp" -print -quit)" ]; then
  echo "Building kefu (first start, or sources changed) ..."
  ./mvnw -q -B -DskipTests package
  touch "$stamp"
fi

export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec java -Xmx128m -Dkefu.root="$root" -cp "deploy/target/classes:deploy/target/lib/*" \
  com.kefu.deploy.LocalSystem up "$@"
