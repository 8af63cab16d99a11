package io.distdb.operator.reconciler;

import java.net.URI;

/**
 * One API request the operator sent, as RBAC sees it.
 *
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 * @param group the API group, "" for core
 * @param resource the resource, with "/subresource" for a subresource
 * @param method the HTTP method
 * @param path the path with query
 */
record RecordedRequest(String verb, String group, String resource, String method, String path) {

  /** True for requests that change something. */
  boolean isWrite() {
    return !verb.equals("get") && !verb.equals("list") && !verb.equals("watch");
  }

  static RecordedRequest of(String method, String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String[] p = uri.getPath().replaceFirst("^/", "").split("/");
    String group;
    int i;
    if (p[0].equals("api")) {
      group = "";
      i = 2;
    } else {
      group = p[1];
      i = 3;
    }
    if (i < p.length && p[i].equals("namespaces") && i + 2 < p.length) {
      i += 2;
    }
    String resource = i < p.length ? p[i] : "";
    boolean named = i + 1 < p.length;
    if (i + 2 < p.length) {
      resource = resource + "/" + p[i + 2];
    }
    String verb =
        switch (method) {
          case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method.toLowerCase();
        };
    return new RecordedRequest(verb, group, resource, method, pathAndQuery);
  }
}
