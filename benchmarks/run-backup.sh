#!/usr/bin/env bash
# backup-service at the issue's scale: 10,000 policies with schedules created through the API, the
# watcher's scheduling lag (overdue copies and RPO breaches, from the instant they are due until
# the event is on backup.events) and each watcher pass's duration; then the Healthchecks-style ping
# endpoint's throughput and p99 under wrk beside the same service's GET /q/health (the floor).
#
#   benchmarks/run-backup.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Needs wrk (apt-get install wrk). Builds the backup-service jar (with the platform modules it
# needs) and this module, starts an embedded PostgreSQL and Kafka and the service as its own JVM,
# measures, writes benchmarks/results/backup-<yyyy-mm-dd>.md and stops everything it started.
# Parameters (defaults): policies=10000 creators=4 targets=100 watchInterval=1m startGrace=PT1M
# rpo=PT5M concurrency=32 warmupSeconds=10 durationSeconds=30 serviceHeap=512m.
# VIGIE_BENCH_TIMEOUT (default 60m).
set -euo pipefail

BENCH_USAGE_END=14
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if $build; then
  echo "Building with JDK $JAVA_HOME"
  ./mvnw -q package -pl backup-service -am -DskipTests -Dspotless.check.skip=true \
    -Dquarkus.analytics.disabled=true
  ./mvnw -q -f benchmarks/pom.xml package
fi

bench_run BackupBenchmark backup-service 60m "$@"
