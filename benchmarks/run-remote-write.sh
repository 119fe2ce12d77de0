#!/usr/bin/env bash
# remote_write ingest benchmark: the same node_exporter-like load against monitoring-service's
# /api/v1/write, VictoriaMetrics and Prometheus (remote-write receiver), one after the other in one
# run (see benchmarks/README.md).
#
#   benchmarks/run-remote-write.sh [--no-build] [-Dvigie.bench.rw.NAME=VALUE ...]
#
# Builds the monitoring-service jar and this module (the platform snapshots must be in ~/.m2:
# ./mvnw install -pl platform/events,platform/service-kit,platform/test-kit -DskipTests), starts an
# embedded PostgreSQL and Kafka and the service as its own JVM, then /usr/bin/victoria-metrics and
# /usr/bin/prometheus (Debian packages victoria-metrics, prometheus), writes
# benchmarks/results/remote-write-<yyyy-mm-dd>.md and stops everything it started. Parameters
# (defaults): hosts=300 senders=16 minBatch=200 maxBatch=2000 warmupSeconds=15 durationSeconds=40
# serviceHeap=1g; a committed result must come from the defaults. Before each target starts, the
# run waits until the 1-minute load average is below 1.5 (polling every 15 s, at most 15 minutes;
# -Dvigie.bench.calm.maxLoad, .pollSeconds, .maxWaitSeconds). VIGIE_BENCH_TIMEOUT (default 60m,
# room for those waits) bounds the whole run.
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
      sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
done

missing=()
[ -x /usr/bin/victoria-metrics ] || missing+=(victoria-metrics)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing peers: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

if $build; then
  echo "Building with JDK $JAVA_HOME"
  # Formatting is the regular build's business: other modules' work in progress must not stop a
  # measurement (this module's own spotless:check still runs in its validate phase).
  ./mvnw -q package -pl monitoring-service -DskipTests -Dspotless.check.skip=true \
    -Dquarkus.analytics.disabled=true
  ./mvnw -q -f benchmarks/pom.xml package
fi

cd "$ROOT/benchmarks"
for file in target/classes/io/vigie/benchmarks/RemoteWriteBenchmark.class target/benchmarks.classpath \
  "$ROOT/monitoring-service/target/quarkus-app/quarkus-run.jar"; do
  if [ ! -f "$file" ]; then
    echo "$file is missing: run without --no-build" >&2
    exit 1
  fi
done
mkdir -p target/tmp

command_line="benchmarks/run-remote-write.sh"
if [ $# -gt 0 ]; then
  command_line="$command_line $*"
fi
echo "Running $command_line (JDK: $JAVA_HOME)"
# SIGTERM on timeout runs the benchmark's shutdown hooks: the targets, PostgreSQL and Kafka stop.
timeout --signal=TERM --kill-after=60s "${VIGIE_BENCH_TIMEOUT:-60m}" \
  "$JAVA_HOME/bin/java" -Xmx1g -Djava.io.tmpdir="$ROOT/benchmarks/target/tmp" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dvigie.root="$ROOT" -Dvigie.bench.command="$command_line" "${properties[@]+"${properties[@]}"}" \
  -cp "target/classes:$(cat target/benchmarks.classpath)" io.vigie.benchmarks.RemoteWriteBenchmark
