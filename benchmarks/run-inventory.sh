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
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
done

if ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 && ! printf '%s\n' "${properties[@]-}" | grep -q '^-Dvigie.bench.pgbench='; then
  echo "pgbench not found under /usr/lib/postgresql/*/bin: apt-get install postgresql-client" >&2
  exit 1
fi

if $build; then
  echo "Building with JDK $JAVA_HOME"
  # Formatting is the regular build's business: other modules' work in progress must not stop a
  # measurement (this module's own spotless:check still runs in its validate phase).
  ./mvnw -q install -pl platform/events,platform/service-kit,platform/test-kit -DskipTests \
    -Dspotless.check.skip=true
  ./mvnw -q package -pl inventory-service -DskipTests -Dspotless.check.skip=true
  ./mvnw -q -f benchmarks/pom.xml package
fi

cd "$ROOT/benchmarks"
for file in target/classes/io/vigie/benchmarks/InventoryBenchmark.class target/benchmarks.classpath \
  "$ROOT/inventory-service/target/quarkus-app/quarkus-run.jar"; do
  if [ ! -f "$file" ]; then
    echo "$file is missing: run without --no-build" >&2
    exit 1
  fi
done
mkdir -p target/tmp

command_line="benchmarks/run-inventory.sh"
if [ $# -gt 0 ]; then
  command_line="$command_line $*"
fi
echo "Running $command_line (JDK: $JAVA_HOME)"
# SIGTERM on timeout runs the benchmark's shutdown hooks: the service, PostgreSQL and Kafka stop.
timeout --signal=TERM --kill-after=60s "${VIGIE_BENCH_TIMEOUT:-30m}" \
  "$JAVA_HOME/bin/java" -Xmx1g -Djava.io.tmpdir="$ROOT/benchmarks/target/tmp" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dvigie.root="$ROOT" -Dvigie.bench.command="$command_line" "${properties[@]+"${properties[@]}"}" \
  -cp "target/classes:$(cat target/benchmarks.classpath)" io.vigie.benchmarks.InventoryBenchmark
