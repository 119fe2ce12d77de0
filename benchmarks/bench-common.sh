# Shared by the run-*.sh scripts (sourced, not run): the checkout and JDK, argument parsing, the
# build, and the benchmark's JVM under a timeout. The calling script sets BENCH_USAGE_END, the last
# line of its header comment, which is printed on a bad argument.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$ROOT"
. "$ROOT/.mvn/pick-jdk.sh"

build=true
properties=()

# bench_parse_args "$@": --no-build, and -D properties passed on to the benchmark's JVM.
bench_parse_args() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --no-build) build=false ;;
      -D*) properties+=("$arg") ;;
      *)
        sed -n "2,${BENCH_USAGE_END}p" "$BENCH_SCRIPT" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
    esac
  done
}

# bench_build SERVICE_MODULE: the service's jar (the platform snapshots must be in ~/.m2), then
# this module (which writes target/benchmarks.classpath).
bench_build() {
  echo "Building with JDK $JAVA_HOME"
  # Formatting is the regular build's business: other modules' work in progress must not stop a
  # measurement (this module's own spotless:check still runs in its validate phase).
  ./mvnw -q package -pl "$1" -DskipTests -Dspotless.check.skip=true \
    -Dquarkus.analytics.disabled=true
  ./mvnw -q -f benchmarks/pom.xml package
}

# bench_run MAIN_CLASS SERVICE_MODULE DEFAULT_TIMEOUT "$@": runs io.vigie.benchmarks.MAIN_CLASS
# with the -D properties, bounded by VIGIE_BENCH_TIMEOUT (else DEFAULT_TIMEOUT); SIGTERM on
# timeout runs the benchmark's shutdown hooks, so what it started (service, PostgreSQL, Kafka,
# peers) stops too.
bench_run() {
  local main="$1" module="$2" default_timeout="$3"
  shift 3
  cd "$ROOT/benchmarks"
  local file
  for file in "target/classes/io/vigie/benchmarks/$main.class" target/benchmarks.classpath \
    "$ROOT/$module/target/quarkus-app/quarkus-run.jar"; do
    if [ ! -f "$file" ]; then
      echo "$file is missing: run without --no-build" >&2
      exit 1
    fi
  done
  mkdir -p target/tmp
  local command_line="benchmarks/$(basename "$0")"
  if [ $# -gt 0 ]; then
    command_line="$command_line $*"
  fi
  echo "Running $command_line (JDK: $JAVA_HOME)"
  timeout --signal=TERM --kill-after=60s "${VIGIE_BENCH_TIMEOUT:-$default_timeout}" \
    "$JAVA_HOME/bin/java" -Xmx1g -Djava.io.tmpdir="$ROOT/benchmarks/target/tmp" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -Dvigie.root="$ROOT" -Dvigie.bench.command="$command_line" \
    "${properties[@]+"${properties[@]}"}" \
    -cp "target/classes:$(cat target/benchmarks.classpath)" "io.vigie.benchmarks.$main"
}
