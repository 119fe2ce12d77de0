#!/usr/bin/env bash
# Generates a Python client from each service's docs/api/<service>-service.yaml (openapi-generator-cli,
# pinned, from Maven Central) and runs python_client_<service>.py against a running stack
# (./vigie up) with real Keycloak tokens. devstack/smoke-test.sh calls it while the stack is up.
# The generated client needs urllib3 >= 2.1, pydantic >= 2.11, python-dateutil and
# typing-extensions: Debian 12's python3-pydantic (1.10) and python3-urllib3 (1.26) are too old,
# so it runs on the first python3 that has them (the machine's python3 does).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
generator_version=7.23.0
token_url="${VIGIE_TOKEN_URL:-http://127.0.0.1:18080/realms/vigie/protocol/openid-connect/token}"
work="$here/target"
mkdir -p "$work"

python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" - <<'PY' 2>/dev/null; then
import pydantic, urllib3, dateutil, typing_extensions
assert int(pydantic.VERSION.split(".")[0]) >= 2 and int(urllib3.__version__.split(".")[0]) >= 2
PY
    python="$candidate"
    break
  fi
done
[ -n "$python" ] || { echo "no python3 with pydantic >= 2, urllib3 >= 2.1, python-dateutil, typing-extensions" >&2; exit 1; }

jar="$work/openapi-generator-cli-$generator_version.jar"
if [ ! -f "$jar" ]; then
  "$root/mvnw" -B -ntp -q dependency:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" -DoutputDirectory="$work"
fi
token() {
  curl -sf "$@" "$token_url" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
password_token() {
  token -d grant_type=password -d client_id=vigie-cli -d username="$1" -d password=vigie
}

# scenario SERVICE URL [EXTRA ARGUMENT]: generate vigie_SERVICE from docs/api/SERVICE-service.yaml
# and run python_client_SERVICE.py URL ENGINEER_TOKEN CLIENT_TOKEN OTHER_CLIENT_TOKEN [EXTRA]
scenario() {
  local service="$1" url="$2"
  shift 2
  rm -rf "$work/python-$service"
  java -jar "$jar" generate -g python -i "$root/docs/api/$service-service.yaml" \
    -o "$work/python-$service" --package-name "vigie_$service" \
    --global-property apiTests=false,modelTests=false,apiDocs=false,modelDocs=false \
    >"$work/python-generate-$service.log" 2>&1 \
    || { tail -20 "$work/python-generate-$service.log" >&2; return 1; }
  # tokens are fetched per scenario: each lives 5 minutes
  PYTHONPATH="$work/python-$service:$here" "$python" "$here/python_client_$service.py" "$url" \
    "$(password_token engineer)" "$(password_token saint-roch)" "$(password_token lumiere)" "$@"
}

scenario inventory "${VIGIE_INVENTORY_URL:-http://127.0.0.1:8081}"
scenario monitoring "${VIGIE_MONITORING_URL:-http://127.0.0.1:8082}" web1.par-dc2.vigie-demo.net
scenario ticket "${VIGIE_TICKET_URL:-http://127.0.0.1:8083}"
scenario backup "${VIGIE_BACKUP_URL:-http://127.0.0.1:8084}"
scenario dns "${VIGIE_DNS_URL:-http://127.0.0.1:8085}"
