/**
 * A database's status: {@link io.distdb.operator.status.StatusComputer} derives it (pure), {@link
 * io.distdb.operator.status.Conditions} merges conditions, {@link
 * io.distdb.operator.status.StatusWriter} is the one writer, and {@link
 * io.distdb.operator.status.EventRecorder} the one writer of Events.
 */
package io.distdb.operator.status;
