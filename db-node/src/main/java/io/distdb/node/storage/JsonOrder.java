package io.distdb.node.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * jsonb's btree order: object > array > boolean > number > string > null; objects with more pairs
 * sort after objects with fewer, arrays with more elements after shorter ones, then pair by pair
 * (keys in jsonb's key order) or element by element; numbers by value, strings by their code points
 * (PostgreSQL uses the database collation: equal to this under the C collation).
 */
final class JsonOrder {

  private JsonOrder() {}

  static int compare(JsonNode a, JsonNode b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (a.getNodeType()) {
      case OBJECT -> compareObjects(a, b);
      case ARRAY -> compareArrays(a, b);
      case BOOLEAN -> Boolean.compare(a.booleanValue(), b.booleanValue());
      case NUMBER -> a.decimalValue().compareTo(b.decimalValue());
      case STRING -> a.textValue().compareTo(b.textValue());
      default -> 0;
    };
  }

  private static int rank(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> 5;
      case ARRAY -> 4;
      case BOOLEAN -> 3;
      case NUMBER -> 2;
      case STRING -> 1;
      default -> 0;
    };
  }

  private static int compareArrays(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareObjects(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    List<String> ka = sortedKeys(a);
    List<String> kb = sortedKeys(b);
    for (int i = 0; i < ka.size(); i++) {
      int c = JsonValues.KEY_ORDER.compare(ka.get(i), kb.get(i));
      if (c != 0) {
        return c;
      }
      c = compare(a.get(ka.get(i)), b.get(kb.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<String> sortedKeys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    keys.sort(JsonValues.KEY_ORDER);
    return keys;
  }
}
