package io.distdb.operator.api.v1alpha1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A build step after the CRD generator: puts the CRD's {@code additionalPrinterColumns} in {@link
 * DistributedDatabase#PRINTER_COLUMNS} order, so {@code kubectl get ddb} shows NAME, PHASE, MASTER,
 * READY, MAX LAG, AGE. Fabric8's generator sorts the columns by JSON path (AGE first) and offers no
 * way to order them. The YAML is reordered as text, item by item, so the generator's formatting
 * stays as it was. Run by the operator's pom ({@code exec-maven-plugin}, phase process-classes).
 */
public final class PrinterColumnOrder {

  private static final String KEY = "additionalPrinterColumns:";

  private PrinterColumnOrder() {}

  /** {@code args[0]}: the generated CRD file, rewritten in place. */
  public static void main(String[] args) throws IOException {
    Path crd = Path.of(args[0]);
    List<String> lines = Files.readAllLines(crd, StandardCharsets.UTF_8);
    Files.write(crd, reorder(lines, DistributedDatabase.PRINTER_COLUMNS), StandardCharsets.UTF_8);
  }

  /** The lines with each printer-column list's items sorted by their position in {@code order}. */
  static List<String> reorder(List<String> lines, List<String> order) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i++);
      out.add(line);
      if (!line.trim().endsWith(KEY) || i >= lines.size()) {
        continue;
      }
      String itemPrefix = indentOf(lines.get(i)) + "- ";
      String continuation = indentOf(lines.get(i)) + "  ";
      List<List<String>> items = new ArrayList<>();
      while (i < lines.size()
          && (lines.get(i).startsWith(itemPrefix)
              || (lines.get(i).startsWith(continuation) && !items.isEmpty()))) {
        if (lines.get(i).startsWith(itemPrefix)) {
          items.add(new ArrayList<>());
        }
        items.get(items.size() - 1).add(lines.get(i++));
      }
      items.sort(Comparator.comparingInt(item -> rank(item, order)));
      items.forEach(out::addAll);
    }
    return out;
  }

  private static int rank(List<String> item, List<String> order) {
    for (String line : item) {
      String t = line.trim().replaceFirst("^- ", "");
      if (t.startsWith("name:")) {
        int at = order.indexOf(t.substring(5).trim().replace("\"", ""));
        return at < 0 ? order.size() : at;
      }
    }
    return order.size();
  }

  private static String indentOf(String line) {
    return line.substring(0, line.length() - line.stripLeading().length());
  }
}
