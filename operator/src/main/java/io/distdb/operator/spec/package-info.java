/**
 * Spec validation in the reconciler: every schema and CEL rule again, plus the immutable fields
 * checked against what exists, giving either a fully defaulted {@link
 * io.distdb.operator.spec.ResolvedSpec} or the violations that name the field to fix.
 */
package io.distdb.operator.spec;
