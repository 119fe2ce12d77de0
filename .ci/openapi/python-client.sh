#!/usr/bin/env bash
# Generates a Python client from docs/api/inventory-service.yaml (openapi-generator-cli, pinned,
# from Maven Central) and runs python_client_scenario.py against a running stack (./vigie up)
# with real Keycloak tokens. devstack/smoke-test.sh calls it while the stack is up.
# The generated client needs urllib3 >= 2.1, pydantic >= 2.11, python-dateutil and
# typing-extensions: Debian 12's python3-pydantic (1.10) and python3-urllib3 (1.26) are too old,
# so it runs on the first python3 that has them (the machine's python3 does).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
generator_version=7.23.0
inventory="${VIGIE_INVENTORY_URL:-http://127.0.0.1:8081}"
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
rm -rf "$work/python-inventory"
java -jar "$jar" generate -g python -i "$root/docs/api/inventory-service.yaml" \
  -o "$work/python-inventory" --package-name vigie_inventory \
  --global-property apiTests=false,modelTests=false,apiDocs=false,modelDocs=false >"$work/python-generate.log" 2>&1 \
  || { tail -20 "$work/python-generate.log" >&2; exit 1; }

token() {
  curl -sf "$@" "$token_url" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
engineer="$(token -d grant_type=password -d client_id=vigie-cli -d username=engineer -d password=vigie)"
client="$(token -d grant_type=password -d client_id=vigie-cli -d username=saint-roch -d password=vigie)"
PYTHONPATH="$work/python-inventory" "$python" "$here/python_client_scenario.py" "$inventory" "$engineer" "$client"
