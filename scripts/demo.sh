#!/usr/bin/env bash
# The main job: a walk-forward backtest on the bundled real data, with a report.
# Builds the jar if needed, ingests the bundled candles (a no-op when already stored), runs the
# backtest through the full hourly cycle on the embedded PostgreSQL (or $TRADING_DB_URL) and writes
# the report to reports/demo/ (report.html, equity.png, metrics.json).
# Override with environment variables: ASSETS, FROM, TO, SEED, REPORT_DIR, CONFIG.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-toolchain.sh
JAR=app-assembly/target/trading-core.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.sql' -o -name '*.xml' \) -newer "$JAR" -print -quit)" ]; then
  echo "building $JAR ..." >&2
  mvn -B -ntp -q -DskipTests package
fi
ASSETS="${ASSETS:-BTC/USDT,ETH/USDT}"
FROM="${FROM:-2025-01-01}"
TO="${TO:-2025-04-01}"
SEED="${SEED:-42}"
REPORT_DIR="${REPORT_DIR:-reports/demo}"
files=()
for a in ${ASSETS//,/ }; do
  files+=("data/market/${a//\//_}_1h.csv.gz")
done
java -jar "$JAR" ingest --csv "${files[@]}"
args=(backtest --assets "$ASSETS" --from "$FROM" --to "$TO" --seed "$SEED" --report-dir "$REPORT_DIR")
args+=(--config "${CONFIG:-config/demo.yaml}")
java -jar "$JAR" "${args[@]}"
