/**
 * The only place names and labels of Kubernetes objects are built ({@link
 * io.distdb.operator.naming.ResourceNames}, {@link io.distdb.operator.naming.Labels}).
 */
package io.distdb.operator.naming;
