#!/usr/bin/env bash
# Knowledge-base search latency (issue 16): ticket-service's GET /api/v1/articles/search over a
# corpus of about 3,000 articles in French and English written through its API, at 1, 8 and 32
# concurrent clients (wrk), beside pgbench running the same SQL at 32 clients on the same
# PostgreSQL server, in one run (see benchmarks/README.md).
#
#   benchmarks/run-search.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Builds what it needs (platform modules, the ticket-service jar, this module), starts an embedded
# PostgreSQL and Kafka and the service as its own JVM, measures, writes
# benchmarks/results/search-<yyyy-mm-dd>.md and stops everything it started. Parameters (defaults):
# search.articles=3000 search.clients=10 search.concurrencies=1,8,32 warmupSeconds=10
# durationSeconds=30; a committed result must come from the defaults on a quiet machine. Needs wrk
# (apt-get install wrk) and pgbench (apt-get install postgresql-client). VIGIE_BENCH_TIMEOUT
# (default 90m: each measured part first waits up to 15 minutes for a quiet machine) bounds it.
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
  bench_build ticket-service
fi

bench_run SearchBenchmark ticket-service 90m "$@"
