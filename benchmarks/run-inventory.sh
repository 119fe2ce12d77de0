#!/usr/bin/env bash
# Inventory throughput benchmark: the inventory API against pgbench running the same SQL on the
# same PostgreSQL server, in one run (see benchmarks/README.md).
#
#   benchmarks/run-inventory.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Builds what it needs (platform modules, the inventory-service jar, this module), starts an
# embedded PostgreSQL and Kafka, the service as its own JVM, measures, writes
# benchmarks/results/inventory-<yyyy-mm-dd>.md and stops everything it started. Everything listens
# on 127.0.0.1. Parameters (defaults): concurrency=32 warmupSeconds=10 durationSeconds=30
# maxRequests=5000000 listMinServers=5000 pgbenchThreads=2 serviceHeap=512m; a committed result
# must come from the defaults. VIGIE_BENCH_TIMEOUT (default 30m) bounds the whole run.
set -euo pipefail

BENCH_USAGE_END=12
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 && ! printf '%s\n' "${properties[@]-}" | grep -q '^-Dvigie.bench.pgbench='; then
  echo "pgbench not found under /usr/lib/postgresql/*/bin: apt-get install postgresql-client" >&2
  exit 1
fi

if $build; then
  ./mvnw -q install -pl platform/events,platform/service-kit,platform/test-kit -DskipTests \
    -Dspotless.check.skip=true
  bench_build inventory-service
fi

bench_run InventoryBenchmark inventory-service 30m "$@"
