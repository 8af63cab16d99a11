package io.distdb.operator.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether an object already has every field the operator wants: each field of the desired tree must
 * be present and equal in the actual one, while fields the API server added (defaults, status,
 * managed fields) are ignored. Lists must have the same length and match element by element, so an
 * element removed from the desired list is noticed.
 */
final class JsonSubset {

  private JsonSubset() {}

  static boolean contains(JsonNode actual, JsonNode desired) {
    if (desired == null || desired.isNull()) {
      return true;
    }
    if (actual == null || actual.isNull() || actual.isMissingNode()) {
      return desired.isEmpty() && (desired.isObject() || desired.isArray());
    }
    if (desired.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!contains(actual.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (desired.isArray()) {
      if (!actual.isArray() || actual.size() != desired.size()) {
        return false;
      }
      for (int i = 0; i < desired.size(); i++) {
        if (!contains(actual.get(i), desired.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isNumber() && actual.isNumber()) {
      return desired.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return desired.equals(actual);
  }
}
