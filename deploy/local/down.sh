#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (same DATA_DIR): its supervisor first, so that nothing is started again,
# then every process. The data stays.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ ! -d deploy/target/classes ]; then
  echo "kefu was never built here: nothing to stop" >&2
  exit 0
fi
exec java -Xmx64m -Dkefu.root="$root" -cp "deploy/target/classes:deploy/target/lib/*" \
  com.kefu.deploy.LocalSystem down
