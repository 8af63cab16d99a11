package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** The persistent volume every node gets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.storageClassName) == has(oldSelf.storageClassName)",
    message = "spec.storage.storageClassName is immutable")
public class StorageSpec {

  /** A Kubernetes quantity of bytes such as 1Gi or 500M. */
  public static final String QUANTITY_PATTERN =
      "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

  /** Size of each node's volume. */
  @JsonPropertyDescription("Size of each node's volume, a quantity such as 1Gi.")
  @Pattern(QUANTITY_PATTERN)
  @Default("1Gi")
  private String size = "1Gi";

  /** Storage class of the volumes; immutable. */
  @JsonPropertyDescription(
      "Storage class of the volumes (the cluster default when absent). Immutable: existing volumes"
          + " cannot move to another class.")
  @ValidationRule(value = "self == oldSelf", message = "spec.storage.storageClassName is immutable")
  private String storageClassName;

  /** Whether deleting the database also deletes its volumes. */
  @JsonPropertyDescription(
      "Delete the volumes when the DistributedDatabase is deleted (default false: they are kept).")
  private boolean deleteClaimsOnDelete;

  public String getSize() {
    return size;
  }

  public void setSize(String size) {
    this.size = size;
  }

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }

  public boolean isDeleteClaimsOnDelete() {
    return deleteClaimsOnDelete;
  }

  public void setDeleteClaimsOnDelete(boolean deleteClaimsOnDelete) {
    this.deleteClaimsOnDelete = deleteClaimsOnDelete;
  }
}
