#!/bin/sh
# A throwaway PostgreSQL server for the tests, in a temporary folder.
#
#   sh tests/pg.sh run CMD [ARGS]   start a cluster, run CMD with IBRIEF_TEST_PG
#                                   set to its URI base, stop and remove the
#                                   cluster when CMD ends, fails or is
#                                   interrupted; exits with CMD's status
#   sh tests/pg.sh start            start a cluster, print its URI base
#                                   (postgresql://ibrief@/?host=SOCKETDIR)
#   sh tests/pg.sh stop URI         stop that cluster and remove its folder
#
# A URI base names no database: a store's URI is the base with the database
# name after the slash (pg_uri NAME below). The server listens on a unix
# socket in its folder only (listen_addresses = ''), so that it touches no
# port of the machine; the superuser is "ibrief", trusted on that socket.
# initdb refuses to run as root, so as root (CI) the cluster belongs to the
# unprivileged system user "postgres" that Debian's package creates.
#
# When no server is installed, `start` and `run` say why on stderr and exit
# 3 (run: without running CMD), so that the caller can skip its tests.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

# Runs a server program as the cluster's owner.
pg_as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# The reason no cluster can be made here, or nothing.
pg_missing() {
	if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
		echo "no PostgreSQL server (initdb) installed"
	elif [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		echo "running as root without a 'postgres' system user"
	fi
}

# pg_start: makes and starts a cluster; prints its URI base. The cluster's
# folder is the socket directory, so the URI names all there is to remove.
pg_start() {
	why=$(pg_missing)
	if [ -n "$why" ]; then
		echo "pg.sh: $why" >&2
		return 3
	fi
	# /tmp itself: a unix socket path is limited to 107 bytes, and the
	# owner must reach the folder (TMPDIR may be under root's home).
	dir=$(mktemp -d /tmp/ibrief-pg-XXXXXX) || return 1
	chmod 755 "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	if ! pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U ibrief --auth=trust \
		--no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		rm -rf "$dir"
		return 1
	fi
	cat >>"$dir/data/postgresql.conf" <<-EOF
	listen_addresses = ''
	unix_socket_directories = '$dir'
	fsync = off
	synchronous_commit = off
	full_page_writes = off
	max_connections = 50
	EOF
	# -w waits until the server accepts connections (pg_ctl's default
	# 60 s timeout); the log stays in the folder for a failed start.
	if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-k $dir" start >/dev/null 2>&1; then
		cat "$dir/server.log" >&2
		rm -rf "$dir"
		return 1
	fi
	echo "postgresql://ibrief@/?host=$dir"
}

# The socket folder of a URI base.
pg_dir() {
	echo "${1#*\?host=}"
}

# pg_uri BASE NAME: the URI of database NAME on the cluster BASE.
pg_uri() {
	echo "postgresql://ibrief@/$2?host=$(pg_dir "$1")"
}

# The CLI tests' databases (tests/pg-ibrief, tests/cli/lib.sh): a store
# path maps to one database, whatever the folder it is named from, and a
# database made for a test script is recorded in $IBRIEF_TEST_PG_DBS, for
# its test_done to drop.

# The database name of store path $1: a digest of its absolute form
# (realpath: a/x.db, ../a/x.db and $PWD/a/x.db are one store).
pg_db_name() {
	echo "s_$(realpath -m -- "$1" | md5sum | cut -c1-24)"
}

# Creates database $1 unless this run made it already. Two tests' commands
# may start at once (concurrent imports): the lock makes them take turns.
pg_db_create() {
	(
		flock 9
		[ -e "$IBRIEF_TEST_PG_DBS/$1" ] && exit 0
		"$PG_BIN/createdb" -h "$(pg_dir "$IBRIEF_TEST_PG")" -U ibrief "$1" &&
			: >"$IBRIEF_TEST_PG_DBS/$1"
	) 9>>"$IBRIEF_TEST_PG_DBS/.lock"
}

# pg_stop BASE: stops the cluster at once (no waiting for clients) and
# removes its folder. Only ever a folder pg_start made.
pg_stop() {
	dir=$(pg_dir "$1")
	case "$dir" in
	/tmp/ibrief-pg-*) ;;
	*) echo "pg.sh: '$1' is not a test cluster" >&2; return 1 ;;
	esac
	[ -d "$dir/data" ] &&
		pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$dir"
}

# pg_run CMD...: CMD with a cluster for its whole run.
pg_run() {
	IBRIEF_TEST_PG=$(pg_start) || return $?
	export IBRIEF_TEST_PG
	trap 'pg_stop "$IBRIEF_TEST_PG"' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	"$@"
}

# As a script: the subcommand; as a library (`. tests/pg.sh`) nothing runs.
case "${0##*/}" in
pg.sh)
	case "${1:-}" in
	start) pg_start ;;
	stop) pg_stop "${2:?usage: pg.sh stop URI}" ;;
	run) shift; pg_run "$@" ;;
	*) echo "usage: pg.sh start | stop URI | run CMD [ARGS]" >&2; exit 2 ;;
	esac
	;;
esac
