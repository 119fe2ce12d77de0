{{/*
Every template ranges over .Values.services; a service's block is merged over
.Values.serviceDefaults by "vigie.service" (returned as YAML, read back with fromYaml).
*/}}

{{- define "vigie.service" -}}
{{- $cfg := index .root.Values.services .name -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $cfg)) -}}
{{- end -}}

{{- define "vigie.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "vigie.labels" -}}
{{ include "vigie.selectorLabels" . }}
app.kubernetes.io/part-of: vigie
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "vigie.image" -}}
{{- $registry := required "image.registry is required: the registry and repository prefix, e.g. registry.example/vigie" .root.Values.image.registry -}}
{{- $image := .svc.image | default dict -}}
{{- if $image.digest -}}
{{- if not (regexMatch "^sha256:[a-f0-9]{64}$" $image.digest) -}}
{{- fail (printf "services.%s.image.digest must be sha256:<64 hex digits>, got %q" .name $image.digest) -}}
{{- end -}}
{{ $registry }}/{{ .name }}@{{ $image.digest }}
{{- else -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if or (eq $tag "latest") (hasSuffix "-SNAPSHOT" $tag) -}}
{{- fail (printf "image.tag must be immutable (a release version, a commit or a digest per service), got %q" $tag) -}}
{{- end -}}
{{ $registry }}/{{ .name }}:{{ $tag }}
{{- end -}}
{{- end -}}

{{- define "vigie.databaseUrl" -}}
{{- $host := required "postgresql.host is required: the PostgreSQL read-write service, e.g. vigie-db-rw" .root.Values.postgresql.host -}}
{{- $database := required (printf "services.%s.database.name is required" .name) .svc.database.name -}}
{{ printf "%s:%v/%s" $host .root.Values.postgresql.port $database }}
{{- end -}}

{{- define "vigie.zones" -}}
{{- $zones := .Values.topology.zones | default list -}}
{{- if and (eq .Values.topology.whenUnsatisfiable "DoNotSchedule") (lt (len $zones) 2) -}}
{{- fail "topology.zones must list at least two zones when topology.whenUnsatisfiable is DoNotSchedule" -}}
{{- end -}}
{{- toJson $zones -}}
{{- end -}}

{{/* The namespace an infrastructure block lives in: its own `namespace` value or the release's. */}}
{{- define "vigie.infraNamespace" -}}
{{- .namespace | default .root.Release.Namespace -}}
{{- end -}}

{{/* Labels and the Argo CD sync wave of operator resources: they sync before the services. */}}
{{- define "vigie.infraMetadata" -}}
labels:
  app.kubernetes.io/part-of: vigie
  app.kubernetes.io/component: {{ .component }}
  app.kubernetes.io/managed-by: {{ .root.Release.Service }}
  helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
  {{- with .labels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
annotations:
  argocd.argoproj.io/sync-wave: "-1"
{{- end -}}

{{/* The zones operator resources are pinned to (one pool or instance per zone). */}}
{{- define "vigie.infraZones" -}}
{{- $zones := include "vigie.zones" . | fromJsonArray -}}
{{- if not $zones -}}
{{- fail "topology.zones must list the zones (one per datacenter) when kafka.strimzi, postgresql.cloudnativepg or keycloak.operator is enabled" -}}
{{- end -}}
{{- toJson $zones -}}
{{- end -}}
