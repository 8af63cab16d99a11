/**
 * The distdb operator (stage 2). It will reconcile a {@code DistributedDatabase} into a master
 * StatefulSet, slave pods and Services, and poll each node through the documents in {@code
 * io.distdb.adminapi}. Until that issue lands this module only pins the dependency direction: the
 * operator sees db-node through admin-api alone.
 */
package io.distdb.operator;
