#!/usr/bin/env bash
# dns-service change latency: a record set changed through the API, timed until a real PowerDNS,
# a real BIND 9 and a real Knot DNS each answer the new address over DNS, p50/p99 over 500
# sequential changes, beside the floor (the same change made with the PowerDNS API and nsupdate).
#
#   benchmarks/run-dns.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Needs pdns-server, pdns-backend-sqlite3, sqlite3, bind9, bind9-dnsutils, knot (as dns-service's
# tests, whose server fixtures it uses: dns-service's test-jar, installed in ~/.m2).
# Builds the dns-service jar (with the platform modules it needs) and this module, starts an
# embedded PostgreSQL and Kafka, PowerDNS, BIND, Knot and the service as its own JVM, measures, writes
# benchmarks/results/dns-<yyyy-mm-dd>.md and stops everything it started. Parameters (defaults):
# changes=500 warmup=30 serviceHeap=512m. VIGIE_BENCH_TIMEOUT (default 20m).
set -euo pipefail

BENCH_USAGE_END=13
. "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_parse_args "$@"

if $build; then
  echo "Building with JDK $JAVA_HOME"
  # -am: the platform modules from this checkout (dns-service needs events it added)
  ./mvnw -q package -pl dns-service -am -DskipTests -Dspotless.check.skip=true \
    -Dquarkus.analytics.disabled=true
  # the server fixtures dns-service's tests use (its test-jar), for this module: installed alone,
  # nothing else of the checkout goes to ~/.m2
  version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
  ./mvnw -q install:install-file -Dfile="dns-service/target/dns-service-$version-tests.jar" \
    -DgroupId=io.vigie -DartifactId=dns-service -Dversion="$version" -Dclassifier=tests \
    -Dpackaging=jar -DgeneratePom=true
  ./mvnw -q -f benchmarks/pom.xml package
fi

bench_run DnsBenchmark dns-service 20m "$@"
