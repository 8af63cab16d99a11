package io.distdb.node.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code jsonb_set}: replaces the value at a path; a missing last step is added when asked (an
 * object gets the key, an array the element at its start for a position before it, at its end for
 * one after it); a missing step before the last leaves the document as it was.
 */
final class JsonSet {

  private JsonSet() {}

  static void set(JsonNode root, List<String> path, JsonNode value, boolean createMissing) {
    if (path.isEmpty()) {
      return;
    }
    JsonNode parent = PostgresJsonFunctions.at(root, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (last == null) {
      throw new IllegalArgumentException(
          "22004: path element at position " + path.size() + " is null");
    }
    if (parent instanceof ObjectNode object) {
      if (object.has(last) || createMissing) {
        object.set(last, value);
      }
    } else if (parent instanceof ArrayNode array) {
      Integer index = TextArray.index(last);
      if (index == null) {
        throw new IllegalArgumentException(
            "22P02: path element at position "
                + path.size()
                + " is not an integer: \""
                + last
                + "\"");
      }
      int i = index < 0 ? array.size() + index : index;
      if (i >= 0 && i < array.size()) {
        array.set(i, value);
      } else if (createMissing) {
        if (i < 0) {
          array.insert(0, value);
        } else {
          array.add(value);
        }
      }
    }
  }
}
