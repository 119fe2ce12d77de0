#!/usr/bin/env bash
# The deployment's CI check outside Maven. `./mvnw verify` (deploy module) already rendered the
# chart with helm-java for its defaults and each environment, linted it strictly, read every
# object strictly with fabric8, asserted the policies and the loss of one zone, ran promtool on the
# rules and the dashboards' queries, and wrote the rendered manifests to deploy/target/rendered/.
# Here: every rendered object and the Argo CD ApplicationSet validated against their OpenAPI
# schemas (kubernetes-models, pinned in package-lock.json, installed into .ci/deploy/node_modules).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
shopt -s nullglob
rendered=("$root"/deploy/target/rendered/*.yaml)
if [ ${#rendered[@]} -lt 4 ]; then
  echo "deploy/target/rendered/ holds ${#rendered[@]} manifests, expected the chart's defaults and dev, recette, production: run ./mvnw -pl deploy verify first" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node validate.mjs "${rendered[@]}" "$root"/deploy/gitops/applicationset.yaml "$root"/deploy/gitops/project.yaml
