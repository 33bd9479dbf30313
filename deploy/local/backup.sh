#!/usr/bin/env bash
# backup.sh <folder>: backs up the running local system (same DATA_DIR, POSTGRES_PORT, KAFKA_PORT as up.sh) into a new
# folder: a base backup of PostgreSQL and the topics that are the only copy of their records.
# restore.sh <folder> (this script by another name): restores such a folder into the stopped local system; the data it
# replaces is moved aside, not deleted. Then up.sh starts the system as it was at the backup.
set -euo pipefail
command=$(basename "$0" .sh)
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ ! -d deploy/target/classes ]; then
  echo "kefu was never built here: run deploy/local/up.sh once first" >&2
  exit 2
fi
exec java -Xmx256m -Dkefu.root="$root" -cp "deploy/target/classes:deploy/target/lib/*" \
  com.kefu.deploy.Backup "$command" "$@"
