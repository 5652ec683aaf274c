#!/usr/bin/env bash
# Starts Debian's PostgreSQL on its local socket for the sandbox's store tests and prints the
# URL to use as PC_SANDBOX_TEST_POSTGRES_URL. Idempotent: installs only when missing, starts only
# when stopped, creates the role only once.
set -euo pipefail

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
    sudo=(sudo -n)
fi
# Runs a shell command as the postgres superuser.
as_postgres() {
    if [[ "$(id -u)" -eq 0 ]]; then su postgres -c "$1"; else sudo -n -u postgres bash -c "$1"; fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    "${sudo[@]}" pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    # The server outlives this script: it must not inherit the caller's descriptors (a lock
    # the caller holds, such as flock's, would stay held for the server's whole life).
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if [[ $fd -gt 2 ]]; then eval "exec $fd>&-"; fi
        done
        exec "${sudo[@]}" pg_ctlcluster "$version" main start
    ) >&2
fi

user=$(id -un)
for _ in $(seq 1 30); do
    if as_postgres "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 1
done
if ! as_postgres "psql -qAtc \"select 1 from pg_roles where rolname = '$user'\"" | grep -q 1; then
    as_postgres "psql -qc 'create role \"$user\" login superuser'" >&2
fi
echo "postgres:///postgres?host=/var/run/postgresql&user=$user"
