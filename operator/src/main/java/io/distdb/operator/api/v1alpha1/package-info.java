/**
 * The {@code distdb.io/v1alpha1} API: the DistributedDatabase custom resource. The CRD (schema,
 * validation, CEL rules, printer columns, status and scale subresources) is generated from these
 * classes at build time; field descriptions come from {@code @JsonPropertyDescription}.
 */
package io.distdb.operator.api.v1alpha1;
