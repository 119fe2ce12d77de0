#!/usr/bin/env bash
# remote_write ingest benchmark: the same node_exporter-like load against monitoring-service's
# /api/v1/write, VictoriaMetrics and Prometheus (remote-write receiver), one after the other in one
# run (see benchmarks/README.md).
#
#   benchmarks/run-remote-write.sh [--no-build] [-Dvigie.bench.rw.NAME=VALUE ...]
#
# Builds the monitoring-service jar and this module (the platform snapshots must be in ~/.m2:
# ./mvnw install -pl platform/events,platform/service-kit,platform/test-kit -DskipTests), starts an
# embedded PostgreSQL and Kafka and the service as its own JVM, then /usr/bin/victoria-metrics and
# /usr/bin/prometheus (Debian packages victoria-metrics, prometheus), writes
# benchmarks/results/remote-write-<yyyy-mm-dd>.md and stops everything it started. Parameters
# (defaults): hosts=300 senders=16 minBatch=200 maxBatch=2000 warmupSeconds=15 durationSeconds=40
# serviceHeap=1g; a committed result must come from the defaults. Before each target starts, the
# run waits until the 1-minute load average is below 1.5 (polling every 15 s, at most 15 minutes;
# -Dvigie.bench.calm.maxLoad, .pollSeconds, .maxWaitSeconds). VIGIE_BENCH_TIMEOUT (default 60m,
# room for those waits) bounds the whole run.
set -euo pipefail

BENCH_USAGE_END=17
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

missing=()
[ -x /usr/bin/victoria-metrics ] || missing+=(victoria-metrics)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing peers: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

if $build; then
  bench_build monitoring-service
fi

bench_run RemoteWriteBenchmark monitoring-service 60m "$@"
