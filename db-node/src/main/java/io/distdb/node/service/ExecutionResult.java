package io.distdb.node.service;

import io.distdb.node.copy.CopyOptions;
import java.util.List;

/**
 * What one statement execution produced: a command tag and, for row-returning statements, a cursor.
 *
 * @param columns the row layout, empty for statements that return no rows
 * @param rows the rows, {@code null} for statements that return no rows
 * @param tag the complete CommandComplete tag ({@code "UPDATE 3"}, {@code "CREATE TABLE"}) for
 *     statements without rows; for row-returning ones either the tag's prefix ending in a space, to
 *     which the protocol appends the number of rows it sent ({@code "SELECT "}, {@code "INSERT 0
 *     "}), or a complete tag ({@code "SHOW"})
 * @param copyIn for {@code COPY ... FROM STDIN}: where the client's data goes ({@code columns} are
 *     the target columns), else null
 * @param copyOut for {@code COPY ... TO STDOUT}: how {@code rows} are written as CopyData, else
 *     null
 * @param notices the NOTICEs the statement raised, sent before its rows or CommandComplete
 */
public record ExecutionResult(
    List<Column> columns,
    RowCursor rows,
    String tag,
    CopyIn copyIn,
    CopyOptions copyOut,
    List<Notice> notices) {

  public ExecutionResult(
      List<Column> columns, RowCursor rows, String tag, CopyIn copyIn, CopyOptions copyOut) {
    this(columns, rows, tag, copyIn, copyOut, List.of());
  }

  public ExecutionResult(List<Column> columns, RowCursor rows, String tag) {
    this(columns, rows, tag, null, null);
  }

  /** This result with {@code raised} as its notices. */
  public ExecutionResult withNotices(List<Notice> raised) {
    return raised.isEmpty()
        ? this
        : new ExecutionResult(columns, rows, tag, copyIn, copyOut, List.copyOf(raised));
  }

  public static ExecutionResult command(String tag) {
    return new ExecutionResult(List.of(), null, tag);
  }

  public static ExecutionResult rows(List<Column> columns, RowCursor rows, String tagPrefix) {
    return new ExecutionResult(List.copyOf(columns), rows, tagPrefix);
  }

  /** A COPY FROM STDIN waiting for the client's data. */
  public static ExecutionResult copyIn(List<Column> columns, CopyIn sink) {
    return new ExecutionResult(List.copyOf(columns), null, "COPY ", sink, null);
  }

  /** A COPY TO STDOUT: {@code rows} go out as CopyData in {@code options}' format. */
  public static ExecutionResult copyOut(List<Column> columns, RowCursor rows, CopyOptions options) {
    return new ExecutionResult(List.copyOf(columns), rows, "COPY ", null, options);
  }

  /** True for rows sent as DataRow messages (not for COPY TO, whose rows are CopyData). */
  public boolean returnsRows() {
    return rows != null && copyOut == null;
  }

  /** The CommandComplete tag once {@code rowCount} rows were sent. */
  public String completionTag(long rowCount) {
    return tag.endsWith(" ") ? tag + rowCount : tag;
  }
}
