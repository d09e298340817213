#!/usr/bin/env bash
# Benchmark of issue 16: one PAPER hour of ACCOUNTS accounts x ASSETS assets (simulated venue, stored
# candles replayed), run by 1, 2 and 3 `worker` processes against one PostgreSQL; prints the wall time
# from the workers' start to the last one's exit, and the rows that hour wrote.
#
#   BENCH_HOST=127.0.0.1 BENCH_PORT=5445 BENCH_USER=postgres BENCH_PASSWORD=... bash scripts/bench-workers.sh [ACCOUNTS] [ASSETS]
#
# Needs the built jar (mvn -pl app-assembly -am package -DskipTests) and psql. Creates and drops the
# databases bench_workers_*. The 20 assets are the 5 bundled real series, each also ingested under 3
# alias symbols (BTCA/USDT, ...): real price paths, 20 distinct assets to the system.
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-100}
ASSETS=${2:-20}
HOUR=2025-03-03T00:00:00Z
J=app-assembly/target/trading-core.jar
: "${BENCH_HOST:?BENCH_HOST, BENCH_PORT, BENCH_USER, BENCH_PASSWORD name a PostgreSQL server}"
export PGPASSWORD=$BENCH_PASSWORD
psql_admin() { psql -h "$BENCH_HOST" -p "$BENCH_PORT" -U "$BENCH_USER" -d postgres -qAt "$@"; }
use_db() {
  export TRADING_DB_URL="jdbc:postgresql://$BENCH_HOST:$BENCH_PORT/$1" TRADING_DB_USER=$BENCH_USER TRADING_DB_PASSWORD=$BENCH_PASSWORD
}
work=$(mktemp -d)

psql_admin -c "DROP DATABASE IF EXISTS bench_workers_tpl" -c "CREATE DATABASE bench_workers_tpl"
use_db bench_workers_tpl
symbols=()
for f in BTC ETH SOL DOGE SHIB; do
  for alias in "" A B C; do
    [ ${#symbols[@]} -ge "$ASSETS" ] && break
    java -jar "$J" ingest --csv "data/market/${f}_USDT_1h.csv.gz" --asset "${f}${alias}/USDT" >/dev/null 2>&1
    symbols+=("${f}${alias}/USDT")
  done
done
assets=$(IFS=,; echo "${symbols[*]}")
java -jar "$J" paper --assets BTC/USDT,ETH/USDT --market-data replay --replay-from 2025-03-02T00:00:00Z --hours 1 \
  --train-if-missing >/dev/null 2>&1
{
  echo "accounts:"
  for i in $(seq -w 1 "$ACCOUNTS"); do echo "  - name: bench-$i"; echo "    assets: \"$assets\""; done
} > "$work/accounts.yaml"
echo "$ACCOUNTS accounts x ${#symbols[@]} assets, hour $HOUR; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-10s %-10s %-10s %-12s %-12s %s\n' workers submit_s run_s tasks_s account_h/s asset_h/s rows_in_the_hour
for n in 1 2 3; do
  db=bench_workers_$n
  psql_admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE bench_workers_tpl"
  use_db $db
  t0=$(date +%s.%N)
  java -jar "$J" worker submit-hour --accounts "$work/accounts.yaml" --hour $HOUR >/dev/null 2>&1
  t1=$(date +%s.%N)
  pids=()
  for w in $(seq 1 $n); do
    java -Xmx1g -jar "$J" worker --name "bench-w$w" --poll-ms 200 --exit-when-idle >"$work/w$n-$w.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  t2=$(date +%s.%N)
  done_n=$(psql -h "$BENCH_HOST" -p "$BENCH_PORT" -U "$BENCH_USER" -d $db -qAt -c \
    "SELECT count(*) FROM run_context WHERE run_mode = 'PAPER' AND hour_ts_utc = '$HOUR' AND status = 'COMPLETED'")
  [ "$done_n" = "$ACCOUNTS" ] || { echo "only $done_n of $ACCOUNTS account-hours completed (logs: $work)" >&2; exit 1; }
  rows=$(psql -h "$BENCH_HOST" -p "$BENCH_PORT" -U "$BENCH_USER" -d $db -qAt -c "
    WITH r AS (SELECT run_id FROM run_context WHERE run_mode = 'PAPER' AND hour_ts_utc = '$HOUR')
    SELECT (SELECT count(*) FROM r) + (SELECT count(*) FROM feature_snapshot WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM regime_output WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM model_prediction WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM meta_learner_component WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM trade_signal WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM order_request WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM position_hourly_state WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM portfolio_hourly_state WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM risk_hourly_state WHERE run_id IN (SELECT run_id FROM r))
      + (SELECT count(*) FROM run_step_hash WHERE run_id IN (SELECT run_id FROM r))")
  # from the first task's start to the last one's end (without the workers' JVM start and schema check)
  span=$(psql -h "$BENCH_HOST" -p "$BENCH_PORT" -U "$BENCH_USER" -d $db -qAt -c \
    "SELECT extract(epoch FROM max(finished_at_utc) - min(started_at_utc)) FROM worker_execution")
  awk -v n=$n -v a=$t0 -v b=$t1 -v c=$t2 -v sp="$span" -v acc="$ACCOUNTS" -v as="${#symbols[@]}" -v rows="$rows" \
    'BEGIN { printf "%-8d %-10.1f %-10.1f %-10.1f %-12.2f %-12.1f %d\n", n, b - a, c - b, sp, acc / sp, acc * as / sp, rows }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 1 2 3; do psql_admin -c "DROP DATABASE IF EXISTS bench_workers_$n"; done
psql_admin -c "DROP DATABASE IF EXISTS bench_workers_tpl"
rm -rf "$work"
