#!/bin/bash
# Starts PostgreSQL on the data folder PGDATA, creating the cluster, the role SIMSWARM_DB_USER (password
# SIMSWARM_DB_PASSWORD, usually from a Docker secret) and the database SIMSWARM_DB_NAME on first start.
# Connections from the network must give the password (scram-sha-256).
set -euo pipefail
PGDATA="${PGDATA:-/var/lib/simswarm/postgres}"
DB_USER="${SIMSWARM_DB_USER:-simswarm}"
DB_NAME="${SIMSWARM_DB_NAME:-simswarm}"
: "${SIMSWARM_DB_PASSWORD:?set SIMSWARM_DB_PASSWORD or SIMSWARM_DB_PASSWORD_FILE}"
bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    echo "postgres: initialising $PGDATA"
    as_postgres "$bin/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
    as_postgres "$bin/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    as_postgres "$bin/psql" -X -q -v ON_ERROR_STOP=1 -U postgres -d postgres \
        -v u="$DB_USER" -v p="$SIMSWARM_DB_PASSWORD" -v d="$DB_NAME" <<'SQL'
CREATE ROLE :"u" LOGIN PASSWORD :'p';
CREATE DATABASE :"d" OWNER :"u";
SQL
    as_postgres "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" -D "$PGDATA" \
    -c listen_addresses='*' -c max_connections="${POSTGRES_MAX_CONNECTIONS:-200}" \
    -c shared_buffers="${POSTGRES_SHARED_BUFFERS:-128MB}"
