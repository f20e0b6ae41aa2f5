#!/usr/bin/env bash
# Throw-away PostgreSQL servers beside the one scripts/with-postgres.sh starts, for the tests of issue 13:
#   scripts/pg-replica.sh replica <dir> <port> <primary-host> <primary-port> <primary-user>
#       a streaming hot standby of the primary (pg_basebackup -R: standby.signal and primary_conninfo written for us)
#   scripts/pg-replica.sh server <dir> <port>
#       a fresh empty server (initdb), e.g. a postgres_fdw shard
#   scripts/pg-replica.sh stop <dir>
#       stops the server in <dir> and removes it
# <dir> must not exist yet (it is made here). The primary needs wal_level=replica, a free max_wal_senders slot and a
# `host replication` line in pg_hba.conf: PostgreSQL's defaults and initdb --auth=trust (as with-postgres.sh runs it)
# give all three. Debian's PostgreSQL refuses to run as root: as root the servers run as the `postgres` user.
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
[ -n "$bindir" ] || { echo "pg-replica: PostgreSQL is not installed" >&2; exit 3; }

cmd="$1"
dir="$2"
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}
user="$( [ "$(id -u)" = "0" ] && echo postgres || id -un )"
start() {
  local port="$1"
  as_pg "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
  }
}
make_dir() {
  mkdir "$dir"
  chmod 755 "$dir"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
  return 0
}

case "$cmd" in
  replica)
    port="$3" host="$4" primary_port="$5" primary_user="$6"
    [ -x "$bindir/pg_basebackup" ] || { echo "pg-replica: pg_basebackup is not installed" >&2; exit 3; }
    make_dir
    # -X stream: the WAL written during the copy comes along; -c fast: no waiting for a scheduled checkpoint.
    as_pg "'$bindir/pg_basebackup' -h '$host' -p '$primary_port' -U '$primary_user' -D '$dir/data' -R -X stream -c fast --no-sync >'$dir/basebackup.log' 2>&1" || {
      cat "$dir/basebackup.log" >&2
      exit 1
    }
    start "$port"
    ;;
  server)
    port="$3"
    make_dir
    as_pg "'$bindir/initdb' -D '$dir/data' -U '$user' --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >'$dir/initdb.log' 2>&1" || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    start "$port"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "'$bindir/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-replica.sh replica|server|stop <dir> …" >&2
    exit 2
    ;;
esac
echo "$user"
