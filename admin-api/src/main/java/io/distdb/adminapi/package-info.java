/**
 * The contract between a db-node and whoever watches it (the operator, scripts, humans): the JSON
 * documents of the admin HTTP API and the names of ports and environment variables.
 */
package io.distdb.adminapi;
