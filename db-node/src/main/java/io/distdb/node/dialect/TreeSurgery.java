package io.distdb.node.dialect;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces one node of a JSqlParser tree by another wherever its parent holds it, or finds the
 * nodes of a kind. JSqlParser's nodes know neither their parent nor a generic way to swap a child,
 * and an operator such as {@code a @> b} cannot be turned into a function call in place; so this
 * walks the tree's own fields (JSqlParser classes, lists, the map entries of {@code ->} chains),
 * leaving the parser's token bookkeeping alone. Only statements that hold such an operator pay for
 * it.
 */
final class TreeSurgery {

  private static final String TREE_PACKAGE = "net.sf.jsqlparser.";
  private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";

  private TreeSurgery() {}

  /** True if {@code old} was found (by identity) and replaced. */
  static boolean replace(Object root, Object old, Object replacement) {
    return walk(root, old, replacement, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** Every node of {@code type} in the tree, in no particular order. */
  static <T> List<T> find(Object root, Class<T> type) {
    List<T> out = new java.util.ArrayList<>();
    collect(root, type, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private static <T> void collect(Object node, Class<T> type, List<T> out, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (type.isInstance(node)) {
      out.add(type.cast(node));
    }
    if (node instanceof List<?> list) {
      for (Object e : list) {
        collect(e, type, out, seen);
      }
      return;
    }
    for (Class<?> c = node.getClass(); isTree(c); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          Object value = f.get(node);
          if (value != null && (isTree(value.getClass()) || value instanceof List<?>)) {
            collect(value, type, out, seen);
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // a field that holds no tree
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean walk(Object node, Object old, Object replacement, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return false;
    }
    boolean found = false;
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object e = list.get(i);
        if (e == old) {
          ((List<Object>) list).set(i, replacement);
          found = true;
        } else if (e instanceof Map.Entry<?, ?> entry && entry.getKey() == old) {
          ((List<Object>) list)
              .set(i, new AbstractMap.SimpleEntry<>(replacement, entry.getValue()));
          found = true;
        } else {
          found |= walk(e, old, replacement, seen);
        }
      }
    }
    if (node instanceof Map.Entry<?, ?> entry) {
      found |= walk(entry.getKey(), old, replacement, seen);
    }
    for (Class<?> c = node.getClass(); isTree(c); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        found |= visitField(node, f, old, replacement, seen);
      }
    }
    return found;
  }

  private static boolean visitField(
      Object node, Field f, Object old, Object replacement, Set<Object> seen) {
    try {
      f.setAccessible(true);
      Object value = f.get(node);
      if (value == old && f.getType().isInstance(replacement)) {
        f.set(node, replacement);
        return true;
      }
      if (value != null && (isTree(value.getClass()) || value instanceof List<?>)) {
        return walk(value, old, replacement, seen);
      }
      return false;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // a field the tree cannot hold an expression in
    }
  }

  private static boolean isTree(Class<?> c) {
    return c != null
        && c.getName().startsWith(TREE_PACKAGE)
        && !c.getName().startsWith(PARSER_PACKAGE);
  }
}
