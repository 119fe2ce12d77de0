#!/usr/bin/env bash
# Alert to ticket benchmark: AlertFired published on Kafka (as monitoring-service's outbox relay
# publishes it) -> the client's incident's ticket-opened seen on ticket.events, then the ticket
# read once through ticket-service's API, p50/p90/p99/max over 200 alerts while wrk keeps a steady
# read load on the ticket list; a plain Kafka consumer on the same topic is the floor, and a Flight
# Recorder profile of the service is summarised (see benchmarks/README.md).
#
#   benchmarks/run-alert-to-ticket.sh [--no-build] [-Dvigie.bench.ticket.NAME=VALUE ...]
#
# Builds what it needs (platform modules, the ticket-service jar, this module), starts an embedded
# PostgreSQL and Kafka and the service as its own JVM, registers clients through inventory events,
# opens seed tickets through the API, measures, writes benchmarks/results/alert-to-ticket-<date>.md
# and stops everything it started. Parameters (defaults): alerts=200 alertsPerSecond=4 clients=10
# seedTickets=500 readConnections=8 warmupSeconds=10 serviceHeap=512m; a committed result must
# come from the defaults. Needs wrk (apt-get install wrk). Waits (at most 15 minutes) for a
# 1-minute load average below 1.5 before measuring; VIGIE_BENCH_TIMEOUT (default 40m) bounds it.
set -euo pipefail

BENCH_USAGE_END=16
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

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

bench_run AlertToTicketBenchmark ticket-service 40m "$@"
