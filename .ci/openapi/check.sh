#!/usr/bin/env bash
# The API contract's CI checks outside Maven (./mvnw verify already compared each service's built
# OpenAPI document with docs/api/<service>.yaml and checked compatibility, in contract-tests):
#   - redocly lint, recommended rules (redocly.yaml), on every committed service document;
#   - the API reference pages docs/api/<service>.html rebuilt from them and identical to the
#     committed ones (--write rewrites them instead).
# Tools are pinned in package-lock.json and installed into .ci/openapi/node_modules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
shopt -s nullglob
docs=("$root"/docs/api/*-service.yaml)
[ ${#docs[@]} -gt 0 ] || { echo "no docs/api/*-service.yaml" >&2; exit 1; }
npx --no-install redocly lint --format=stylish "${docs[@]}"
status=0
for doc in "${docs[@]}"; do
  page="${doc%.yaml}.html"
  built="$(mktemp --suffix=.html)"
  npx --no-install redocly build-docs "$doc" -o "$built" >/dev/null
  if [ "${1:-}" = "--write" ]; then
    mv "$built" "$page" && chmod 644 "$page"
  elif ! cmp -s "$built" "$page"; then
    echo "${page#$root/} is not the page built from ${doc#$root/}: run .ci/openapi/check.sh --write and commit it" >&2
    rm -f "$built"
    status=1
  else
    rm -f "$built"
  fi
done
exit $status
