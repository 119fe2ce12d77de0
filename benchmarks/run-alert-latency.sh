#!/usr/bin/env bash
# Alert latency benchmark: breaching sample accepted (the 204 of its remote_write request) ->
# AlertFired on Kafka, p50/p90/p99/max, under a background remote_write load, for the default rule
# evaluation interval (10s) and 1s in the same run (see benchmarks/README.md).
#
#   benchmarks/run-alert-latency.sh [--no-build] [-Dvigie.bench.alert.NAME=VALUE ...]
#
# Builds the monitoring-service jar and this module (the platform snapshots must be in ~/.m2:
# ./mvnw install -pl platform/events,platform/service-kit,platform/test-kit -DskipTests), starts an
# embedded PostgreSQL and Kafka, then for each interval the service as its own JVM, registers the
# target servers with real inventory events, creates the rule through the API and measures;
# writes benchmarks/results/alert-latency-<yyyy-mm-dd>.md and stops everything it started.
# Parameters (defaults): rounds=40 targets=5 intervals=10s,1s hosts=100 samplesPerSecond=100000
# senders=8 warmupSeconds=20 serviceHeap=1g; a committed result must come from the defaults.
# Before each interval's run it waits until the 1-minute load average is below 1.5 (polling every
# 15 s, at most 15 minutes; -Dvigie.bench.calm.maxLoad, .pollSeconds, .maxWaitSeconds).
# VIGIE_BENCH_TIMEOUT (default 45m, room for those waits) bounds the whole run.
set -euo pipefail

BENCH_USAGE_END=17
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if $build; then
  bench_build monitoring-service
fi

bench_run AlertLatencyBenchmark monitoring-service 45m "$@"
