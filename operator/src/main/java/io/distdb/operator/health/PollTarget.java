package io.distdb.operator.health;

import java.net.URI;

/**
 * One node to poll.
 *
 * @param pod the pod's name
 * @param podUid the pod's UID
 * @param adminUri the admin API's base URI (pod IP and admin port)
 */
public record PollTarget(String pod, String podUid, URI adminUri) {}
