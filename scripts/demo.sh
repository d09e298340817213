#!/usr/bin/env bash
# The main job: builds the jar if needed and runs it on the embedded PostgreSQL (or $TRADING_DB_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-toolchain.sh
JAR=app-assembly/target/trading-core.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -path ./app-assembly/target -prune -o -newer "$JAR" -name '*.java' -print -quit 2>/dev/null)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
java -jar "$JAR" migrate "$@"
