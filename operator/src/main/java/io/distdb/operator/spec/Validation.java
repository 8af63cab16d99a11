package io.distdb.operator.spec;

import java.util.List;

/** The outcome of validating a spec: either a {@link ResolvedSpec} or the rules it breaks. */
public sealed interface Validation {

  /** The spec is valid. */
  record Valid(ResolvedSpec spec) implements Validation {}

  /** The spec breaks at least one rule; nothing may be changed for it. */
  record Invalid(List<Violation> violations) implements Validation {

    /** The first violated field, for the condition's reason and message. */
    public Violation first() {
      return violations.get(0);
    }
  }
}
