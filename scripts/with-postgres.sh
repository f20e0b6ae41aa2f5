#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on loopback and TEST_DATABASE_URL pointing at it, so that the
# database tests run on PostgreSQL as well as on the embedded PGlite. Debian's PostgreSQL refuses to run as root:
# as root the server runs as the `postgres` user.
#   scripts/with-postgres.sh npm test
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql); running on PGlite only" >&2
  exec "$@"
fi

port="${TZ_PG_PORT:-55432}"
dir="$(mktemp -d /tmp/taizhang-pg.XXXXXX)"
chmod 755 "$dir"
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    chown postgres:postgres "$dir"
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}
stop() {
  as_pg "'$bindir/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

user="$( [ "$(id -u)" = "0" ] && echo postgres || id -un )"
as_pg "'$bindir/initdb' -D '$dir/data' -U '$user' --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" || {
  cat "$dir/initdb.log" >&2
  exit 1
}
as_pg "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null || {
  cat "$dir/server.log" >&2
  exit 1
}
export TEST_DATABASE_URL="postgres://$user@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
