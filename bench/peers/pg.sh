#!/bin/sh
# bench/peers/pg.sh: a throw-away PostgreSQL cluster for `make bench-peers`.
#   pg.sh start DIR PORT   initdb in DIR/data (trust authentication, user
#                          bench, listening on 127.0.0.1:PORT only, its
#                          socket in DIR), then start it and wait for it
#   pg.sh stop DIR         stop it (fast shutdown); the caller removes DIR
# It installs nothing: it uses the server binaries of Debian's postgresql
# (initdb and postgres are not on PATH there: /usr/lib/postgresql/*/bin) or
# PG_BIN. As root it runs the server as the user postgres (initdb refuses
# root), so DIR is given to that user.
set -eu
bindir=${PG_BIN:-}
if [ -z "$bindir" ]; then
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		bindir=$(dirname "$(command -v initdb)")
	else
		bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	fi
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
	echo "pg.sh: no PostgreSQL server binaries (initdb, pg_ctl) found" >&2
	exit 3
fi
as() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	as() { runuser -u postgres -- "$@"; }
fi
cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: pg.sh start DIR PORT | stop DIR" >&2; exit 2; }
case "$cmd" in
start)
	port=${3:?usage: pg.sh start DIR PORT}
	if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
	as "$bindir/initdb" -D "$dir/data" -U bench --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	;;
stop)
	as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
*)
	echo "usage: pg.sh start DIR PORT | stop DIR" >&2
	exit 2
	;;
esac
