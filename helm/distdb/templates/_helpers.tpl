{{/* Chart name, overridable. */}}
{{- define "distdb.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every object name: the release name, plus the chart name unless it has it. */}}
{{- define "distdb.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "distdb.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of the operator's objects (Deployment, ServiceAccount, roles). */}}
{{- define "distdb.operatorName" -}}
{{- printf "%s-operator" (include "distdb.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the operator pods; never change them (Deployment selectors are immutable). */}}
{{- define "distdb.operatorSelectorLabels" -}}
app.kubernetes.io/name: {{ include "distdb.name" . }}-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels on every object the chart renders. */}}
{{- define "distdb.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: distdb
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels of the operator's own objects. */}}
{{- define "distdb.operatorLabels" -}}
{{ include "distdb.labels" . }}
{{ include "distdb.operatorSelectorLabels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{/* Labels the operator puts on every database pod (contract with the operator). */}}
{{- define "distdb.databasePodSelector" -}}
matchLabels:
  app.kubernetes.io/name: distdb
  app.kubernetes.io/component: database
{{- end }}

{{- define "distdb.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "distdb.operatorName" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "distdb.operatorImage" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "distdb.dbNodeImage" -}}
{{- printf "%s:%s" .Values.dbNodeImage.repository (default .Chart.AppVersion .Values.dbNodeImage.tag) }}
{{- end }}

{{/*
Namespaces that get a Role in namespace scope: the watched ones (the release namespace when none
is given) plus the release namespace, where the leader-election Lease lives. One per line.
*/}}
{{- define "distdb.roleNamespaces" -}}
{{- $watched := .Values.watchNamespaces | default (list .Release.Namespace) }}
{{- range (append $watched .Release.Namespace | uniq) }}
{{ . }}
{{- end }}
{{- end }}

{{/* Namespaces that get the database NetworkPolicies. One per line. */}}
{{- define "distdb.networkPolicyNamespaces" -}}
{{- range (.Values.networkPolicy.namespaces | default .Values.watchNamespaces | default (list .Release.Namespace) | uniq) }}
{{ . }}
{{- end }}
{{- end }}

{{/*
The operator's permissions (files/operator-permissions.yaml, copied from the operator module by
bin/render-deploy), or the part of them a scope needs. Call with a dict:
  ctx   the root context
  part  "all": every rule as it is (a ClusterRole);
        "namespaced": the rules on namespaced resources (a Role grants nothing on the others);
        "cluster": the rules on cluster-scoped resources only (namespace scope's small ClusterRole).
Rules on cluster-scoped resources are left out unless rbac.clusterScopedRules is true. A rule that
mixes both kinds of resources is split, keeping its apiGroups and verbs.
*/}}
{{- define "distdb.operatorRules" -}}
{{- $ctx := .ctx }}
{{- $part := .part }}
{{- $clusterScoped := include "distdb.clusterScopedResources" $ctx | splitList " " }}
{{- $out := list }}
{{- range $rule := $ctx.Files.Get "files/operator-permissions.yaml" | fromYamlArray }}
{{- $keep := list }}
{{- range $resource := $rule.resources }}
{{- $isCluster := has (first (splitList "/" $resource)) $clusterScoped }}
{{- if and (or (not $isCluster) $ctx.Values.rbac.clusterScopedRules) (or (eq $part "all") (and (eq $part "cluster") $isCluster) (and (eq $part "namespaced") (not $isCluster))) }}
{{- $keep = append $keep $resource }}
{{- end }}
{{- end }}
{{- if $keep }}
{{- $out = append $out (set (omit $rule "resources") "resources" $keep) }}
{{- end }}
{{- end }}
{{- if $out }}
{{- toYaml $out }}
{{- else }}
[]
{{- end }}
{{- end }}

{{/* Cluster-scoped resources an operator rule may name (space-separated). */}}
{{- define "distdb.clusterScopedResources" -}}
nodes namespaces persistentvolumes storageclasses customresourcedefinitions clusterroles clusterrolebindings
{{- end }}
