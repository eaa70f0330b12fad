# shellcheck shell=bash
# Ensure a running PostgreSQL server and a clean test database, then export
#   TEST_DATABASE_URL=postgres://yuanqu:<pw>@127.0.0.1:<port>/yuanqu_test
#
# Source it (`. scripts/pg-test-db.sh`) or run it (`bash scripts/pg-test-db.sh` prints the URL).
# Must run as root (it uses apt-get, pg_ctlcluster and `su postgres`).
#
# Strategy:
#   1. no PostgreSQL server binaries at all      -> apt-get install postgresql
#   2. the Debian cluster exists (pg_lsclusters) -> pg_ctlcluster <ver> main start
#   3. otherwise (or if that start fails)        -> a private cluster: initdb under
#      $YUANQU_PG_DIR (default /tmp/yuanqu-pg, owned by postgres), started with pg_ctl on a
#      free port from 55432, listening on 127.0.0.1 only, socket in the same directory.
#   Then, as postgres over the Unix socket (peer auth): (re)create role `yuanqu` with a password
#   and drop/recreate database `yuanqu_test` owned by it, and check it over TCP.
#
# Knobs: YUANQU_PG_MODE=auto|debian|private (default auto), YUANQU_PG_DIR, YUANQU_PG_PASSWORD.

_yq_pg_main() {
  local want_ver=15 mode=${YUANQU_PG_MODE:-auto}
  local pw=${YUANQU_PG_PASSWORD:-yuanqu_test_pw}
  local ver bin host port sockdir

  _yq_log() { echo "[pg] $*" >&2; }
  _yq_as_pg() { (cd / && su postgres -s /bin/sh -c "$1"); }

  # -- server binaries -------------------------------------------------------------------------
  _yq_find_ver() {
    if [ -x "/usr/lib/postgresql/$want_ver/bin/postgres" ]; then echo "$want_ver"; return; fi
    # any other installed major version, newest first
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -t/ -k5 -rn); do
      basename "$(dirname "$(dirname "$d")")"; return
    done
  }
  ver=$(_yq_find_ver)
  if [ -z "$ver" ]; then
    _yq_log "no PostgreSQL server installed: apt-get install postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    ver=$(_yq_find_ver)
    [ -n "$ver" ] || { _yq_log "PostgreSQL install failed"; return 1; }
  fi
  bin=/usr/lib/postgresql/$ver/bin
  host=127.0.0.1

  _yq_wait_ready() { # $1 = port; $2 = socket dir
    local i
    for i in $(seq 1 60); do
      if "$bin/pg_isready" -q -h "$host" -p "$1" -t 2 && "$bin/pg_isready" -q -h "$2" -p "$1" -t 2; then
        return 0
      fi
      sleep 1
    done
    _yq_log "server on port $1 not ready after 60 s"
    return 1
  }

  # -- 2. the Debian cluster -------------------------------------------------------------------
  _yq_start_debian() {
    command -v pg_lsclusters >/dev/null || return 1
    local line
    line=$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main"' | head -n1)
    [ -n "$line" ] || { _yq_log "no Debian cluster $ver/main"; return 1; }
    port=$(echo "$line" | awk '{print $3}')
    sockdir=/var/run/postgresql
    if pg_ctlcluster "$ver" main status >/dev/null 2>&1; then
      _yq_log "Debian cluster $ver/main already running on port $port"
    else
      _yq_log "starting Debian cluster $ver/main (port $port)"
      local out
      if ! out=$(pg_ctlcluster "$ver" main start 2>&1); then
        # a race with another starter is fine; anything else is a failure
        if ! echo "$out" | grep -qi 'already running'; then
          _yq_log "pg_ctlcluster start failed: $out"
          return 1
        fi
      fi
    fi
    _yq_wait_ready "$port" "$sockdir"
  }

  # -- 3. a private cluster --------------------------------------------------------------------
  _yq_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  _yq_start_private() {
    local dir=${YUANQU_PG_DIR:-/tmp/yuanqu-pg}
    local data=$dir/data
    sockdir=$dir
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    chmod 0755 "$dir"
    if [ -f "$dir/port" ] && [ -f "$data/PG_VERSION" ] \
        && _yq_as_pg "$bin/pg_ctl -D '$data' status" >/dev/null 2>&1; then
      port=$(cat "$dir/port")
      _yq_log "private cluster in $dir already running on port $port"
    else
      if [ ! -f "$data/PG_VERSION" ] || [ "$(cat "$data/PG_VERSION")" != "$ver" ]; then
        _yq_log "initdb $data (PostgreSQL $ver)"
        rm -rf "$data"
        _yq_as_pg "$bin/initdb -D '$data' -U postgres -E UTF8 --locale=C.UTF-8 \
          --auth-local=peer --auth-host=scram-sha-256" >"$dir/initdb.log" 2>&1 \
          || { cat "$dir/initdb.log" >&2; return 1; }
      fi
      port=55432
      while ! _yq_port_free "$port"; do
        port=$((port + 1))
        [ "$port" -lt 55532 ] || { _yq_log "no free port in 55432-55531"; return 1; }
      done
      # throwaway test data: durability off for speed
      _yq_as_pg "$bin/pg_ctl -D '$data' -l '$dir/server.log' -w -t 60 start -o \"-p $port \
        -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"" >/dev/null \
        || { _yq_log "pg_ctl start failed:"; tail -n 20 "$dir/server.log" >&2; return 1; }
      echo "$port" >"$dir/port"
      _yq_log "private cluster in $dir started on port $port"
    fi
    _yq_wait_ready "$port" "$sockdir"
  }

  case $mode in
    debian) _yq_start_debian || return 1 ;;
    private) _yq_start_private || return 1 ;;
    auto)
      if ! _yq_start_debian; then
        _yq_log "falling back to a private cluster"
        _yq_start_private || return 1
      fi ;;
    *) _yq_log "YUANQU_PG_MODE must be auto, debian or private"; return 1 ;;
  esac

  # -- role and a clean database, as postgres over the socket (peer auth) ----------------------
  _yq_as_pg "$bin/psql -X -q -v ON_ERROR_STOP=1 -h '$sockdir' -p $port -d postgres" >/dev/null <<SQL || { _yq_log "creating role/database failed"; return 1; }
SET client_min_messages = warning;
DO \$\$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yuanqu') THEN
    ALTER ROLE yuanqu LOGIN CREATEDB PASSWORD '$pw';
  ELSE
    CREATE ROLE yuanqu LOGIN CREATEDB PASSWORD '$pw';
  END IF;
END
\$\$;
DROP DATABASE IF EXISTS yuanqu_test WITH (FORCE);
CREATE DATABASE yuanqu_test OWNER yuanqu ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0;
SQL

  export TEST_DATABASE_URL="postgres://yuanqu:$pw@$host:$port/yuanqu_test"

  # -- check over TCP with the password ------------------------------------------------------
  "$bin/psql" "$TEST_DATABASE_URL" -X -q -t -A -c 'select 1' >/dev/null \
    || { _yq_log "cannot connect over TCP to $host:$port as yuanqu"; return 1; }
  _yq_log "ready: postgres://yuanqu:***@$host:$port/yuanqu_test (PostgreSQL $ver)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # executed, not sourced
  set -euo pipefail
  _yq_pg_main
  echo "$TEST_DATABASE_URL"
else
  _yq_pg_main
fi
