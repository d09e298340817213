#!/usr/bin/env bash
# Honest walk-forward evaluation (io.tradingcore.adapter.ml.MlEvaluation): per-fold and pooled log loss / AUC of
# tree, MLP and META against a constant and a volatility-only logistic baseline, block-bootstrap CIs, and the net
# return of the deployed entry rule. Usage (from the repository root):
#   adapter-ml/run-evaluation.sh [dataDir=data/market] [fromIso=2022-01-01T00:00:00Z] [toIso=2026-01-01T00:00:00Z] [testDays=182]
set -euo pipefail
cd "$(dirname "$0")/.."
ML_MAIN=io.tradingcore.adapter.ml.MlEvaluation exec adapter-ml/run-benchmark.sh "$@"
