#!/usr/bin/env bash
# Builds the reactor up to adapter-ml and runs io.tradingcore.adapter.ml.MlBenchmark (or the main class in $ML_MAIN).
# Usage (from the repository root): adapter-ml/run-benchmark.sh [dataDir] [fromIso] [toIso]
set -euo pipefail
cd "$(dirname "$0")/.."
cpfile="adapter-ml/target/benchmark.classpath"
mvn -B -q -pl adapter-ml -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/$cpfile" -Dmdep.includeScope=runtime
# the reactor's own modules from target/, everything else from the local repository
libs=$(tr ':' '\n' < "$cpfile" | grep -v '/io/tradingcore/' | paste -sd: -)
exec java -Xmx4g -cp "adapter-ml/target/classes:ports/target/classes:core-domain/target/classes:$libs" \
    "${ML_MAIN:-io.tradingcore.adapter.ml.MlBenchmark}" "$@"
