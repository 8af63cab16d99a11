package io.distdb.operator.spec;

/**
 * The storage a database was created with, read back from its master StatefulSet's claim template,
 * against which the immutable spec fields are checked.
 *
 * @param storageClassName the claims' storage class, null for the cluster default
 * @param size the claims' requested size
 */
public record ExistingStorage(String storageClassName, String size) {}
