#!/usr/bin/env bash
# Builds the six images from the jars of ./mvnw -DskipTests package (deploy/images/Dockerfile), tagged
# ${REGISTRY:-kefu}/<name>:${TAG:-0.1.0}; PUSH=1 pushes them too.
set -euo pipefail
cd "$(dirname "$0")/../.."
registry=${REGISTRY:-kefu}
tag=${TAG:-0.1.0}
while read -r name module packages; do
  docker build -f deploy/images/Dockerfile --build-arg MODULE="$module" --build-arg PACKAGES="$packages" \
    -t "$registry/$name:$tag" .
  if [ "${PUSH:-0}" = 1 ]; then docker push "$registry/$name:$tag"; fi
done <<'IMAGES'
complaint-service complaint-service/complaint-app
dutylog-service dutylog-service/dutylog-app
broadcast-service broadcast-service/broadcast-app espeak-ng
membership-service membership-service/membership-app
audit-service audit-service/audit-app
gateway gateway
IMAGES
