#!/usr/bin/env bash
# Start and stop throwaway PostgreSQL 15 clusters for benchmarks. Source after lib/common.sh.
#
# An instance is a directory DIR (owned by the postgres OS user): DIR/data is the cluster,
# DIR/socket its Unix socket directory, DIR/server.log its log; DIR/port holds the TCP port.
# The server listens on 127.0.0.1 only, at a free port, and never touches other clusters.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_OS_USER=${PG_OS_USER:-postgres}

# pg_ensure_installed: installs Debian's PostgreSQL (server + client + pgbench) if missing.
pg_ensure_installed() {
  if [[ ! -x "$PG_BIN/postgres" || ! -x "$(command -v pgbench || true)" || ! -x "$(command -v psql || true)" ]]; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL is missing and installing it needs root"
    log "installing postgresql and postgresql-client (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      postgresql postgresql-client postgresql-contrib >/dev/null
  fi
  [[ -x "$PG_BIN/postgres" ]] || die "no PostgreSQL server in $PG_BIN (set PG_BIN)"
  id "$PG_OS_USER" >/dev/null 2>&1 || die "OS user $PG_OS_USER does not exist"
}

# _pg_as_user CMD...: runs CMD as the postgres OS user (from /, which it can read).
_pg_as_user() {
  if [[ $(id -un) == "$PG_OS_USER" ]]; then
    (cd / && "$@")
  else
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  fi
}

# pg_start DIR PASSWORD_FILE [-c name=value ...]: initdb + start a fresh cluster in DIR, create
# role distdb (SCRAM password from PASSWORD_FILE, superuser so it can create tables freely) and
# database distdb owned by it. Extra "-c name=value" settings override the defaults below.
pg_start() {
  local dir=$1 pwfile=$2; shift 2
  local port; port=$(free_port) || die "no free port"
  mkdir -p "$dir/socket"
  chown -R "$PG_OS_USER:" "$dir"
  chmod 700 "$dir"
  _pg_as_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # Defaults kept as they are in Debian's stock cluster, except: our own port/socket, loopback
  # only, shared_buffers=256MB. fsync and synchronous_commit are spelled out (both PostgreSQL's
  # defaults) so the configuration under test is visible in the file.
  cat >>"$dir/data/postgresql.conf" <<CONF

# --- distdb bench ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/socket'
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
password_encryption = 'scram-sha-256'
max_connections = 100
logging_collector = off
CONF
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 scram-sha-256
HBA
  local opts=""
  [[ $# -gt 0 ]] && opts="$*"
  _pg_as_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 ${opts:+-o "$opts"} start \
    >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/pg_ctl.log" "$dir/server.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  local pw; pw=$(head -n 1 "$pwfile")
  _pg_as_user psql -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres -d postgres \
    -v pw="$pw" <<'SQL' || return 1
CREATE ROLE distdb LOGIN SUPERUSER PASSWORD :'pw';
CREATE DATABASE distdb OWNER distdb;
SQL
  log "postgres ready: pg port $port, data $dir/data"
}

# pg_stop DIR: fast shutdown of the cluster in DIR (immediate after 30 s).
pg_stop() {
  local dir=$1
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  _pg_as_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
    || _pg_as_user "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
    || true
}

# pg_backend_pid DIR: the postmaster's pid.
pg_postmaster_pid() { head -n 1 "$1/data/postmaster.pid"; }
