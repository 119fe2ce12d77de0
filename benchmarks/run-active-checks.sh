#!/usr/bin/env bash
# Active checks scheduler benchmark: 10,000 HTTP checks every 30 s against a local target, run by
# monitoring-service; achieved run rate against the planned 333/s and scheduling lag percentiles
# (see benchmarks/README.md).
#
#   benchmarks/run-active-checks.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Builds the monitoring-service jar and this module, starts an embedded PostgreSQL and Kafka, the
# service as its own JVM and an HTTP target in the benchmark JVM, creates the checks through the
# API, measures, writes benchmarks/results/active-checks-<yyyy-mm-dd>.md and stops everything it
# started. Parameters (defaults): checks=10000 checkIntervalSeconds=30 settleSeconds=40
# measureSeconds=120 createConcurrency=16 serviceHeap=512m. VIGIE_BENCH_TIMEOUT (default 20m).
set -euo pipefail

BENCH_USAGE_END=12
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if $build; then
  bench_build monitoring-service
fi

bench_run ActiveChecksBenchmark monitoring-service 20m "$@"
