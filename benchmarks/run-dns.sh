#!/usr/bin/env bash
# dns-service change latency: a record set changed through the API, timed until a real PowerDNS
# and a real BIND 9 each answer the new address over DNS, p50/p99 over 500 sequential changes,
# beside the floor (the same change made with the PowerDNS API and with nsupdate).
#
#   benchmarks/run-dns.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Needs pdns-server, pdns-backend-sqlite3, sqlite3, bind9, bind9-dnsutils (as dns-service's tests).
# Builds the dns-service jar (with the platform modules it needs) and this module, starts an
# embedded PostgreSQL and Kafka, PowerDNS, BIND and the service as its own JVM, measures, writes
# benchmarks/results/dns-<yyyy-mm-dd>.md and stops everything it started. Parameters (defaults):
# changes=500 warmup=30 serviceHeap=512m. VIGIE_BENCH_TIMEOUT (default 20m).
set -euo pipefail

BENCH_USAGE_END=12
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if $build; then
  echo "Building with JDK $JAVA_HOME"
  # -am: the platform modules from this checkout (dns-service needs events it added)
  ./mvnw -q package -pl dns-service -am -DskipTests -Dspotless.check.skip=true \
    -Dquarkus.analytics.disabled=true
  ./mvnw -q -f benchmarks/pom.xml package
fi

bench_run DnsBenchmark dns-service 20m "$@"
