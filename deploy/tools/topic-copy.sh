#!/usr/bin/env bash
# The auditors' topic copy (A3): copies a topic, several, or all of them from any offset into a JSON-lines file, and
# rebuilds the managers' dashboard figures from the topics alone (README "Copying the topics").
#
#   deploy/tools/topic-copy.sh --bootstrap 127.0.0.1:19092 --topic all --from-offset 0 --out topics.jsonl \
#       --figures figures.json --as-of 2026-12-07T10:00:00Z
#
# It runs com.kefu.gateway.streams.TopicCopy from the gateway's jar (./mvnw -DskipTests package builds it; GATEWAY_JAR
# names another), the code the live dashboard computes its figures with.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${GATEWAY_JAR:-$(ls "$root"/gateway/target/gateway-*.jar 2>/dev/null | grep -v -- '-plain\|sources' | head -1)}"
if [[ -z "$jar" || ! -f "$jar" ]]; then
  echo "no gateway jar: build it with ./mvnw -DskipTests package, or set GATEWAY_JAR" >&2
  exit 2
fi
exec java -Xmx256m -cp "$jar" -Dloader.main=com.kefu.gateway.streams.TopicCopy \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
