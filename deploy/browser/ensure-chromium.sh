#!/usr/bin/env bash
# Makes sure Debian's Chromium, its driver and the fonts for Chinese and Russian are on this machine before the
# console's browser tests run (./mvnw verify calls it). Installs them with apt-get when they are missing and the
# build runs as root; otherwise fails with what to install: the browser tests never skip.
# CHROMIUM_BIN and CHROMEDRIVER name other paths (the tests read the same variables).
set -euo pipefail
chromium=${CHROMIUM_BIN:-/usr/bin/chromium}
driver=${CHROMEDRIVER:-/usr/bin/chromedriver}
packages="chromium chromium-driver fonts-liberation fonts-noto-cjk"

present() {
  [ -x "$chromium" ] && [ -x "$driver" ] || return 1
  if command -v dpkg-query >/dev/null && [ "$chromium" = /usr/bin/chromium ]; then
    for p in $packages; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || return 1
    done
  fi
}

if present; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing $packages with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi
if present; then
  exit 0
fi
echo "ensure-chromium: the console's browser tests need Chromium and its driver: $chromium, $driver" >&2
echo "  install them: sudo apt-get install -y --no-install-recommends $packages" >&2
echo "  or name them with CHROMIUM_BIN and CHROMEDRIVER" >&2
exit 1
