#!/usr/bin/env bash
# The redis-pipeline proof runs a real redis-server on loopback: install Debian's package when it is
# missing (CI and these machines run as root with apt). Elsewhere, say how to get it and carry on: the
# tests that need it are skipped outside CI and fail in CI.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-redis: installing redis-server from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  # The package starts a service on :6379; the tests start their own server on a free port.
  (command -v service >/dev/null && service redis-server stop >/dev/null 2>&1) || true
  exit 0
fi
echo "ensure-redis: redis-server not found; install it (e.g. apt-get install redis-server) to run the redis proof tests" >&2
