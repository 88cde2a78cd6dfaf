#!/usr/bin/env bash
# The HTML report test renders the report in headless Chromium: install Debian's package when it is missing
# (CI and these machines run as root with apt). Elsewhere, say how to get it and carry on: the test is
# skipped outside CI and fails in CI.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing chromium from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "ensure-chromium: chromium not found; install it (e.g. apt-get install chromium) to run the HTML report test" >&2
