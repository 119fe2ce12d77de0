// Validates Kubernetes objects against the OpenAPI schemas compiled into kubernetes-models (the
// Kubernetes API, Argo CD, the Prometheus Operator): types, formats, enums and required fields.
// Unknown fields are checked on the Java side (deploy module, fabric8 strict read) for the kinds
// fabric8 knows; Argo CD's kinds are only checked here.
// Usage: node validate.mjs FILE.yaml...   Prints one line per object; exits 1 on any error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const packages = {
  "argoproj.io": (version) => `@kubernetes-models/argo-cd/argoproj.io/${version}`,
  "monitoring.coreos.com": (version) =>
    `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}`,
};

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = packages[group]
    ? packages[group](version)
    : `kubernetes-models/${group ? group + "/" : ""}${version}`;
  let exports;
  try {
    exports = await import(module);
  } catch (error) {
    throw new Error(`no schema for ${apiVersion} (${module}): ${error.message}`);
  }
  if (!exports[kind]) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return exports[kind];
}

// Operator kinds without a kubernetes-models package here: the deploy module validates them against
// the operators' own CRD schemas, vendored in deploy/crds (CrdSchemas, OperatorResourcesTest).
const checkedAgainstVendoredCrds = ["kafka.strimzi.io/", "postgresql.cnpg.io/", "k8s.keycloak.org/", "cert-manager.io/"];

let failures = 0;
let checked = 0;
let vendored = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length) {
      console.error(`${file}: YAML error ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const what = `${file}: ${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
    if (checkedAgainstVendoredCrds.some((group) => object.apiVersion?.startsWith(group))) {
      vendored++;
      continue;
    }
    try {
      const Model = await modelFor(object.apiVersion, object.kind);
      new Model(object).validate();
      checked++;
    } catch (error) {
      console.error(`${what}: ${error.message}`);
      failures++;
    }
  }
}
console.log(
  `schema check: ${checked} objects valid, ${failures} invalid (${vendored} operator objects left to the deploy module's CRD check)`,
);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
