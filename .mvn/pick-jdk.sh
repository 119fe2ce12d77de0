# Sourced by ./mvnw and ./vigie: use a JDK >= 21 (Vigie targets Java 21).
# Keeps JAVA_HOME when it already points at one; otherwise looks under /usr/lib/jvm.
vigie_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
vigie_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(vigie_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  set +f  # the caller may have disabled globbing
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(vigie_java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "Vigie needs a JDK 21 or newer: set JAVA_HOME to one (none found under /usr/lib/jvm)." >&2
  exit 1
}
vigie_pick_jdk
