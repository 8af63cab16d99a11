package io.distdb.node.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * jsonb's {@code @>}: an object contains another if it has each of its keys with a containing
 * value; an array contains another if each of its elements is contained in some element (order and
 * repetition do not matter); at the top level only, an array also contains a scalar it holds.
 * Scalars contain only an equal scalar (numbers compared by value).
 */
final class JsonContainment {

  private JsonContainment() {}

  static boolean contains(JsonNode a, JsonNode b, boolean topLevel) {
    if (a.isObject()) {
      if (!b.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode mine = a.get(e.getKey());
        if (mine == null || !contains(mine, e.getValue(), false)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (!b.isArray()) {
        return topLevel && !b.isObject() && containsElement(a, b);
      }
      for (JsonNode wanted : b) {
        if (!containsElement(a, wanted)) {
          return false;
        }
      }
      return true;
    }
    return !b.isContainerNode() && scalarEquals(a, b);
  }

  private static boolean containsElement(JsonNode array, JsonNode wanted) {
    for (JsonNode e : array) {
      if (wanted.isContainerNode() ? contains(e, wanted, false) : scalarEquals(e, wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean scalarEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
