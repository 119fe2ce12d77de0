#!/usr/bin/env bash
# Alert to page benchmark: AlertFired published on Kafka (as monitoring-service's outbox relay
# publishes it) -> the first notification email of the page it causes, accepted by a real SMTP
# server (Debian's aiosmtpd, started by the harness; the acceptance instant is taken at the
# server), p50/p90/p99/max over 200 alerts at ticket-service's default settings; a plain Kafka
# consumer on the same topic is the floor (see benchmarks/README.md).
#
#   benchmarks/run-alert-to-page.sh [--no-build] [-Dvigie.bench.page.NAME=VALUE ...]
#
# Builds what it needs (platform modules, the ticket-service jar, this module), starts an embedded
# PostgreSQL and Kafka, aiosmtpd and the service as its own JVM, registers clients through
# inventory events, puts one person on call by email with a default escalation policy, measures,
# writes benchmarks/results/alert-to-page-<date>.md and stops everything it started. Parameters
# (defaults): alerts=200 alertsPerSecond=4 clients=10 serviceHeap=512m; a committed result must
# come from the defaults. Needs python3-aiosmtpd (apt-get install python3-aiosmtpd). Waits (at most
# 15 minutes) for a 1-minute load average below 1.5 before measuring; VIGIE_BENCH_TIMEOUT (default
# 40m) bounds it.
set -euo pipefail

BENCH_USAGE_END=17
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "aiosmtpd not found: apt-get update && apt-get install -y python3-aiosmtpd" >&2
  exit 1
fi

if $build; then
  # -am: the parent pom too, which the service's build resolves from the local repository
  ./mvnw -q install -pl platform/events,platform/service-kit,platform/test-kit -am -DskipTests \
    -Dspotless.check.skip=true
  bench_build ticket-service
fi

bench_run AlertToPageBenchmark ticket-service 40m "$@"
