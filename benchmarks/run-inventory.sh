#!/usr/bin/env bash
# Inventory throughput benchmark: the inventory API, loaded by wrk, against pgbench running the
# same SQL on the same PostgreSQL server, in one run (see benchmarks/README.md).
#
#   benchmarks/run-inventory.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Builds what it needs (platform modules, the inventory-service jar, this module), starts an
# embedded PostgreSQL and Kafka, the service as its own JVM, measures, writes
# benchmarks/results/inventory-<yyyy-mm-dd>.md and stops everything it started. Everything listens
# on 127.0.0.1. Parameters (defaults): concurrency=32 warmupSeconds=10 durationSeconds=30
# listMinServers=5000 pgbenchThreads=2 wrkThreads=2 serviceHeap=512m; a committed result must
# come from the defaults on a quiet machine. Needs wrk (apt-get install wrk) and pgbench
# (apt-get install postgresql-client). VIGIE_BENCH_TIMEOUT (default 2h: each measured part first
# waits up to 15 minutes for a quiet machine) bounds the whole run.
set -euo pipefail

BENCH_USAGE_END=14
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 && ! printf '%s\n' "${properties[@]-}" | grep -q '^-Dvigie.bench.pgbench='; then
  echo "pgbench not found under /usr/lib/postgresql/*/bin: apt-get install postgresql-client" >&2
  exit 1
fi

if ! [ -x /usr/bin/wrk ] && ! printf '%s\n' "${properties[@]-}" | grep -q '^-Dvigie.bench.wrk='; then
  echo "wrk not found: apt-get update && apt-get install -y wrk (Debian's wrk, the HTTP load" \
    "generator), or pass -Dvigie.bench.wrk=/path/to/wrk" >&2
  exit 1
fi

if $build; then
  # -am: the parent pom too, which the service's build resolves from the local repository
  ./mvnw -q install -pl platform/events,platform/service-kit,platform/test-kit -am -DskipTests \
    -Dspotless.check.skip=true
  bench_build inventory-service
fi

bench_run InventoryBenchmark inventory-service 2h "$@"
