#!/usr/bin/env bash
# Benchmark targets: a target (distdb | postgres) in a topology: single, or async2 / sync2
# (master + 2 slaves / primary + 2 streaming standbys, see lib/replication.sh).
# Source after common.sh, distdb.sh and postgres.sh (this file sources replication.sh).
#
#   target_start TARGET TOPOLOGY DIR PASSWORD_FILE   start fresh servers under DIR
#   target_port DIR                                  the port clients use (the master's)
#   target_load TARGET DIR PASSWORD_FILE             create + fill the tables, check the count
#   target_stop TARGET TOPOLOGY DIR                  stop everything target_start started
#
# Topologies with replicas start the extra servers in
# subdirectories of DIR in target_start, keep the master in DIR/master, stop them in target_stop.

BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
. "$(dirname "${BASH_SOURCE[0]}")/replication.sh"
BENCH_ACCOUNTS=${BENCH_ACCOUNTS:-100000}

target_start() {
  local target=$1 topology=$2 dir=$3 pwfile=$4
  case "$topology" in
    single) ;;
    async2|sync2) repl_start "$target" "${topology%2}" "$dir" "$pwfile"; return ;;
    *) die "unknown topology '$topology' (single | async2 | sync2)" ;;
  esac
  mkdir -p "$dir"
  case "$target" in
    distdb) distdb_start "$dir/master" "$pwfile" --node-id bench-master --role master ;;
    postgres) pg_start "$dir/master" "$pwfile" ;;
    *) die "unknown target '$target' (distdb | postgres)" ;;
  esac
}

target_port() { cat "$1/master/port"; }

target_stop() {
  local target=$1 topology=$2 dir=$3
  if [[ $topology != single ]]; then repl_stop "$target" "$dir"; return; fi
  case "$target" in
    distdb) distdb_stop "$dir/master" ;;
    postgres) pg_stop "$dir/master" ;;
  esac
}

# target_psql DIR PASSWORD_FILE [psql args...]: psql as distdb over TCP (SCRAM), like pgbench.
target_psql() {
  local dir=$1 pwfile=$2; shift 2
  node_psql "$dir/master" "$pwfile" "$@"
}

# node_psql NODE_DIR PASSWORD_FILE [psql args...]: the same, to one node (a master or a replica).
# PSQL_TIMEOUT_S (default 600) bounds the whole psql run, so a hung server cannot hang a script.
node_psql() {
  local node=$1 pwfile=$2; shift 2
  PGPASSWORD=$(head -n 1 "$pwfile") PGCONNECT_TIMEOUT=5 timeout -k 5 "${PSQL_TIMEOUT_S:-600}" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 \
    -p "$(cat "$node/port")" -U distdb -d distdb "$@"
}

# target_load TARGET DIR PASSWORD_FILE: the same schema and the same rows on every target; only
# the row generator differs (both use generate_series; PostgreSQL also vacuums).
target_load() {
  local target=$1 dir=$2 pwfile=$3
  local t0=$SECONDS
  target_psql "$dir" "$pwfile" -f "$BENCH_DIR/sql/schema.sql"
  target_psql "$dir" "$pwfile" -v n="$BENCH_ACCOUNTS" -f "$BENCH_DIR/sql/fill-$target.sql"
  local count
  count=$(target_psql "$dir" "$pwfile" -At -c 'SELECT count(*) FROM bench_accounts')
  [[ "$count" == "$BENCH_ACCOUNTS" ]] || die "$target: bench_accounts has $count rows, expected $BENCH_ACCOUNTS"
  log "$target: loaded $count accounts in $(( SECONDS - t0 )) s"
}
