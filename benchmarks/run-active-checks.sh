#!/usr/bin/env bash
# Active checks scheduler benchmark: 10,000 HTTP checks every 30 s against a local target, run by
# monitoring-service; achieved run rate against the planned 333/s and scheduling lag percentiles
# (see benchmarks/README.md).
#
#   benchmarks/run-active-checks.sh [--no-build] [-Dvigie.bench.NAME=VALUE ...]
#
# Builds the monitoring-service jar and this module, starts an embedded PostgreSQL and Kafka, the
# service as its own JVM and an HTTP target in the benchmark JVM, creates the checks through the
# API, measures, writes benchmarks/results/active-checks-<yyyy-mm-dd>.md and stops everything it
# started. Parameters (defaults): checks=10000 checkIntervalSeconds=30 settleSeconds=40
# measureSeconds=120 createConcurrency=16 serviceHeap=512m. VIGIE_BENCH_TIMEOUT (default 20m).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. "$ROOT/.mvn/pick-jdk.sh"

build=true
properties=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -D*) properties+=("$arg") ;;
    *)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
done

if $build; then
  echo "Building with JDK $JAVA_HOME"
  # the platform modules come from the local repository (./mvnw install -pl platform/... puts
  # them there, as run-inventory.sh does); here only the service and this module are built
  ./mvnw -q package -pl monitoring-service -DskipTests -Dspotless.check.skip=true \
    -Dquarkus.analytics.disabled=true
  ./mvnw -q -f benchmarks/pom.xml package
fi

cd "$ROOT/benchmarks"
for file in target/classes/io/vigie/benchmarks/ActiveChecksBenchmark.class target/benchmarks.classpath \
  "$ROOT/monitoring-service/target/quarkus-app/quarkus-run.jar"; do
  if [ ! -f "$file" ]; then
    echo "$file is missing: run without --no-build" >&2
    exit 1
  fi
done
mkdir -p target/tmp

command_line="benchmarks/run-active-checks.sh"
if [ $# -gt 0 ]; then
  command_line="$command_line $*"
fi
echo "Running $command_line (JDK: $JAVA_HOME)"
timeout --signal=TERM --kill-after=60s "${VIGIE_BENCH_TIMEOUT:-20m}" \
  "$JAVA_HOME/bin/java" -Xmx1g -Djava.io.tmpdir="$ROOT/benchmarks/target/tmp" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dvigie.root="$ROOT" -Dvigie.bench.command="$command_line" "${properties[@]+"${properties[@]}"}" \
  -cp "target/classes:$(cat target/benchmarks.classpath)" io.vigie.benchmarks.ActiveChecksBenchmark
