#!/usr/bin/env bash
# Runs the whole test suite: unit tests and integration tests on a real PostgreSQL.
# Database for the integration tests: $TRADING_TEST_DB_URL if set, else an embedded PostgreSQL
# started from Maven artifacts (no Docker needed). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-toolchain.sh
exec mvn -B -ntp verify "$@"
