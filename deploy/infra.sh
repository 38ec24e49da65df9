#!/usr/bin/env bash
# Local infrastructure for developing and testing SimSwarm on one machine, without pulling
# any container image:
#   docker    Docker engine (Debian's docker.io) with a one-node swarm
#   postgres  the machine's PostgreSQL, with role and databases for SimSwarm
#   kafka     a KRaft-mode Kafka broker run from jars fetched through Maven (deploy/kafka/pom.xml)
#   moto      moto_server, emulating the AWS APIs
#   registry  Debian's docker-registry, an image registry for multi-node tests
#
# Every action is idempotent: what already runs is detected and left alone.
# Run `deploy/infra.sh --help` for commands and settings.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

# --- Settings (environment overrides) ---------------------------------------------------------
SIMSWARM_START_TIMEOUT="${SIMSWARM_START_TIMEOUT:-90}"  # seconds to wait for each component

SWARM_ADVERTISE_ADDR="${SWARM_ADVERTISE_ADDR:-127.0.0.1}"

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_SUPERUSER="${PG_SUPERUSER:-postgres}"
SIMSWARM_DB_USER="${SIMSWARM_DB_USER:-simswarm}"
SIMSWARM_DB_PASSWORD="${SIMSWARM_DB_PASSWORD:-simswarm}"
SIMSWARM_DATABASES="${SIMSWARM_DATABASES:-simswarm simswarm_test simswarm_e2e}"

KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_JAVA="${KAFKA_JAVA:-java}"
KAFKA_PARTITIONS="${KAFKA_PARTITIONS:-3}"
KAFKA_TOPICS="${KAFKA_TOPICS:-build-requests build-results results-stored campaign-events cluster-events}"

MOTO_HOST="${MOTO_HOST:-127.0.0.1}"
MOTO_PORT="${MOTO_PORT:-5000}"

REGISTRY_HOST="${REGISTRY_HOST:-127.0.0.1}"
REGISTRY_PORT="${REGISTRY_PORT:-5050}"

# --- Paths under the state directory -----------------------------------------------------------
KAFKA_DIR="$SIMSWARM_STATE_DIR/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
MOTO_DIR="$SIMSWARM_STATE_DIR/moto"
REGISTRY_DIR="$SIMSWARM_STATE_DIR/registry"
REGISTRY_CONFIG="$REGISTRY_DIR/config.yml"

DOCKERD_PID="$RUN_DIR/dockerd.pid"
KAFKA_PID="$RUN_DIR/kafka.pid"
MOTO_PID="$RUN_DIR/moto.pid"
REGISTRY_PID="$RUN_DIR/registry.pid"

usage() {
    cat <<EOF
Usage: deploy/infra.sh up|down [COMPONENT...] | status | --help

  up      install what is missing, start what is not running, and print the status
  down    stop what 'up' started (kafka, moto, registry, dockerd if started here);
          the swarm state and PostgreSQL are left alone
          COMPONENT: docker, postgres, kafka, moto, registry (default: all), e.g.
          'down kafka' then 'up kafka' for a broker outage
  status  one line per component; exit code 1 if any component is down

State, pid files and data: \$SIMSWARM_STATE_DIR (now $SIMSWARM_STATE_DIR)
Logs:                      $LOG_DIR

Settings (environment, with defaults):
  SIMSWARM_STATE_DIR=\$HOME/.local/state/simswarm   SIMSWARM_START_TIMEOUT=90 (seconds)
  DOCKER_SOCKET=/var/run/docker.sock               SWARM_ADVERTISE_ADDR=127.0.0.1
  SIMSWARM_DOCKER_CLI=(auto: /usr/bin/docker, else docker on PATH)
  PG_HOST=127.0.0.1 PG_PORT=5432 PG_SUPERUSER=postgres
  SIMSWARM_DB_USER=simswarm SIMSWARM_DB_PASSWORD=simswarm SIMSWARM_DATABASES="simswarm simswarm_test simswarm_e2e"
  KAFKA_HOST=127.0.0.1 KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093 KAFKA_JAVA=java
  KAFKA_HEAP_OPTS="-Xms256m -Xmx512m" KAFKA_PARTITIONS=3
  KAFKA_TOPICS="build-requests build-results results-stored campaign-events cluster-events"
  MOTO_HOST=127.0.0.1 MOTO_PORT=5000 MOTO_SERVER_BIN=(moto_server on PATH or in ~/.pyenv/shims)
  REGISTRY_HOST=127.0.0.1 REGISTRY_PORT=5050
EOF
}

# Prints one status line: NAME STATE ADDRESS [DETAIL].
status_line() {
    printf '%-9s %-5s %s\n' "$1" "$2" "$3"
}

# Describes who runs a component: ours (with pid) or someone else's.
owner_note() {
    local pidfile="$1" marker="$2"
    if pid_alive "$pidfile" "$marker"; then
        printf 'started by infra.sh, pid %s' "$(<"$pidfile")"
    else
        printf 'not started by infra.sh'
    fi
}

# Replaces FILE with CONTENT only when it differs; returns 0 if the file changed.
write_if_changed() {
    local file="$1" content="$2"
    if [[ -f "$file" ]] && [[ "$(<"$file")" == "$content" ]]; then
        return 1
    fi
    printf '%s\n' "$content" >"$file.tmp"
    mv "$file.tmp" "$file"
}

# ============================================================================================
# Docker engine and swarm

docker_installed() {
    command -v dockerd >/dev/null 2>&1 || [[ -x /usr/sbin/dockerd ]]
}

docker_up() {
    docker_installed || apt_install docker docker.io
    local log="$LOG_DIR/dockerd.log"
    if docker_engine_answers; then
        info "docker: engine already running ($(owner_note "$DOCKERD_PID" dockerd))"
    else
        if ! pid_alive "$DOCKERD_PID" dockerd; then
            info "docker: starting dockerd (log: $log)"
            # Without --containerd, dockerd starts and supervises its own containerd.
            start_daemon "$DOCKERD_PID" "$log" dockerd -H "unix://$DOCKER_SOCKET"
        fi
        local rc=0
        wait_for "$SIMSWARM_START_TIMEOUT" "$DOCKERD_PID" docker_engine_answers || rc=$?
        case $rc in
            0) info "docker: engine answers on $DOCKER_SOCKET" ;;
            2) fail docker "dockerd exited during start-up" "$log" ;;
            *) fail docker "engine did not answer on $DOCKER_SOCKET within ${SIMSWARM_START_TIMEOUT}s" "$log" ;;
        esac
    fi
    select_docker_cli || fail docker "no docker CLI can talk to the engine (tried /usr/bin/docker and docker on PATH)" "$log"
    swarm_up
}

swarm_state() {
    docker_cli info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null
}

swarm_up() {
    local state log="$LOG_DIR/swarm.log"
    state="$(swarm_state)" || fail docker "'docker info' failed" "$LOG_DIR/dockerd.log"
    case "$state" in
        active)
            info "docker: swarm already active" ;;
        inactive)
            info "docker: initialising a one-node swarm (advertise address $SWARM_ADVERTISE_ADDR)"
            docker_cli swarm init --advertise-addr "$SWARM_ADVERTISE_ADDR" >>"$log" 2>&1 ||
                fail docker "docker swarm init failed" "$log" ;;
        *)
            fail docker "swarm is in state '$state'; fix it by hand (docker swarm leave --force, then up)" "$LOG_DIR/dockerd.log" ;;
    esac
}

docker_status() {
    local address="unix://$DOCKER_SOCKET" details
    if ! docker_engine_answers || ! select_docker_cli; then
        status_line docker down "$address"
        return 1
    fi
    details="$(docker_cli info --format '{{.ServerVersion}}|{{.Swarm.LocalNodeState}}|{{.Swarm.Nodes}}')"
    local version swarm nodes
    IFS='|' read -r version swarm nodes <<<"$details"
    local note="swarm $swarm"
    [[ "$swarm" == active ]] && note+=", $nodes node$([[ $nodes == 1 ]] || echo s)"
    note+=", engine $version, $(owner_note "$DOCKERD_PID" dockerd)"
    if [[ "$swarm" != active ]]; then
        status_line docker down "$address ($note)"
        return 1
    fi
    status_line docker up "$address ($note)"
}

docker_down() {
    stop_daemon docker "$DOCKERD_PID" dockerd 45
}

# ============================================================================================
# PostgreSQL

pg_ready() {
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

# Runs SQL from stdin as the superuser: over TCP (trust auth on these machines), or, if that
# is refused, over the local socket as the postgres system user.
psql_admin() {
    if psql -X -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        psql -X -q -v ON_ERROR_STOP=1 -tA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres "$@"
    else
        runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -tA -p "$PG_PORT" -d postgres "$@"
    fi
}

# Starts the local cluster that listens on PG_PORT, as listed by pg_lsclusters.
postgres_start() {
    local version cluster log
    read -r version cluster _ _ _ _ log < <(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p') || true
    [[ -n "${version:-}" ]] || fail postgres "no local cluster on port $PG_PORT (pg_lsclusters)"
    info "postgres: starting cluster $version/$cluster (log: $log)"
    # 9>&-: the server must not inherit the lock (see take_lock)
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >>"$LOG_DIR/postgres.log" 2>&1 9>&- ||
        fail postgres "pg_ctlcluster $version $cluster start failed" "$log"
    wait_for 30 "" pg_ready || fail postgres "not accepting connections on $PG_HOST:$PG_PORT" "$log"
}

postgres_up() {
    if pg_ready; then
        info "postgres: already running on $PG_HOST:$PG_PORT"
    else
        postgres_start
    fi
    postgres_ensure_role_and_databases
}

postgres_ensure_role_and_databases() {
    local log="$LOG_DIR/postgres.log" db
    if [[ -z "$(psql_admin -v u="$SIMSWARM_DB_USER" <<<"SELECT 1 FROM pg_roles WHERE rolname = :'u'" 2>>"$log")" ]]; then
        psql_admin -v u="$SIMSWARM_DB_USER" -v p="$SIMSWARM_DB_PASSWORD" >>"$log" 2>&1 \
            <<<"CREATE ROLE :\"u\" LOGIN CREATEDB PASSWORD :'p'" ||
            fail postgres "cannot create role $SIMSWARM_DB_USER" "$log"
        info "postgres: created role $SIMSWARM_DB_USER"
    fi
    for db in $SIMSWARM_DATABASES; do
        if [[ -z "$(psql_admin -v d="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'d'" 2>>"$log")" ]]; then
            psql_admin -v d="$db" -v u="$SIMSWARM_DB_USER" >>"$log" 2>&1 \
                <<<"CREATE DATABASE :\"d\" OWNER :\"u\"" ||
                fail postgres "cannot create database $db" "$log"
            info "postgres: created database $db (owner $SIMSWARM_DB_USER)"
        fi
    done
    info "postgres: role $SIMSWARM_DB_USER and databases ($SIMSWARM_DATABASES) present"
}

postgres_status() {
    local address="$PG_HOST:$PG_PORT" db missing=""
    if ! pg_ready; then
        status_line postgres down "$address"
        return 1
    fi
    for db in $SIMSWARM_DATABASES; do
        [[ -n "$(psql_admin -v d="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'d'" 2>/dev/null)" ]] ||
            missing+=" $db"
    done
    if [[ -n "$missing" ]]; then
        status_line postgres down "$address (server up, databases missing:$missing)"
        return 1
    fi
    status_line postgres up "$address (databases: $SIMSWARM_DATABASES, owner $SIMSWARM_DB_USER)"
}

# ============================================================================================
# Kafka (KRaft combined broker+controller, one node)

# The libraries are (re)fetched when missing or when the pom changed since they were copied.
kafka_ensure_libs() {
    local log="$LOG_DIR/kafka-libs.log" want marker="$KAFKA_LIBS/.pom.sha256"
    want="$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
    [[ -f "$marker" && "$(<"$marker")" == "$want" ]] && return 0
    if pid_alive "$KAFKA_PID" kafka.Kafka; then
        info "kafka: $KAFKA_POM changed but the broker runs; run 'down' then 'up' to refresh the libraries"
        return 0
    fi
    info "kafka: fetching broker libraries with Maven into $KAFKA_LIBS (log: $log)"
    rm -rf "$KAFKA_LIBS.tmp"
    mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS.tmp" >>"$log" 2>&1 ||
        fail kafka "mvn dependency:copy-dependencies failed" "$log"
    echo "$want" >"$KAFKA_LIBS.tmp/.pom.sha256"
    rm -rf "$KAFKA_LIBS"
    mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
}

# The broker's settings from deploy/kafka/server.properties.in (the stack's Kafka image uses it too).
kafka_config() {
    echo "# Written by deploy/infra.sh; edits are overwritten."
    sed -e "s|@CONTROLLER@|$KAFKA_HOST:$KAFKA_CONTROLLER_PORT|g" -e "s|@LISTENER@|$KAFKA_HOST:$KAFKA_PORT|g" \
        -e "s|@ADVERTISED@|$KAFKA_HOST:$KAFKA_PORT|g" -e "s|@DATA@|$KAFKA_DATA|g" -e "s|@PARTITIONS@|$KAFKA_PARTITIONS|g" \
        "$SCRIPT_DIR/kafka/server.properties.in"
}

kafka_write_config() {
    if write_if_changed "$KAFKA_CONFIG" "$(kafka_config)"; then
        info "kafka: wrote $KAFKA_CONFIG"
        if pid_alive "$KAFKA_PID" kafka.Kafka; then
            info "kafka: the running broker still uses the previous settings; run 'down' then 'up'"
        fi
    fi
}

# Formats the storage directory once (static quorum, so no --standalone flag is needed).
kafka_format_storage() {
    [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
    local log="$LOG_DIR/kafka-format.log" cluster_id
    if [[ ! -s "$KAFKA_DIR/cluster.id" ]]; then
        "$KAFKA_JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>>"$log" | tail -n 1 >"$KAFKA_DIR/cluster.id" ||
            fail kafka "StorageTool random-uuid failed" "$log"
    fi
    cluster_id="$(<"$KAFKA_DIR/cluster.id")"
    info "kafka: formatting $KAFKA_DATA (cluster id $cluster_id)"
    "$KAFKA_JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" >>"$log" 2>&1 ||
        fail kafka "StorageTool format failed" "$log"
}

# Waits until the broker answers metadata requests and creates the topics (KafkaTopics.java).
kafka_ready_and_topics() {
    local timeout="$1" log="$LOG_DIR/kafka-topics.log" out
    # shellcheck disable=SC2086 # KAFKA_TOPICS is a space-separated list
    out="$("$KAFKA_JAVA" -cp "$KAFKA_LIBS/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
        "$SCRIPT_DIR/kafka/KafkaTopics.java" "$KAFKA_HOST:$KAFKA_PORT" "$KAFKA_PARTITIONS" "$timeout" \
        $KAFKA_TOPICS 2>>"$log")" || return 1
    echo "$out" >>"$log"
    info "$out"
}

kafka_start() {
    local log="$LOG_DIR/kafka.log" rc=0 started=$SECONDS
    info "kafka: starting broker on $KAFKA_HOST:$KAFKA_PORT (log: $log)"
    # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM options
    start_daemon "$KAFKA_PID" "$log" "$KAFKA_JAVA" $KAFKA_HEAP_OPTS \
        -Dorg.slf4j.simpleLogger.showDateTime=true \
        '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS' \
        -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG"
    wait_for "$SIMSWARM_START_TIMEOUT" "$KAFKA_PID" port_open "$KAFKA_HOST" "$KAFKA_PORT" || rc=$?
    case $rc in
        0) ;;
        2) fail kafka "broker exited during start-up" "$log" ;;
        *) fail kafka "port $KAFKA_PORT not open within ${SIMSWARM_START_TIMEOUT}s" "$log" ;;
    esac
    local left=$((SIMSWARM_START_TIMEOUT - (SECONDS - started)))
    ((left > 10)) || left=10
    kafka_ready_and_topics "$left" ||
        fail kafka "broker did not answer metadata requests (see also $LOG_DIR/kafka-topics.log)" "$log"
    info "kafka: ready after $((SECONDS - started))s"
}

kafka_up() {
    mkdir -p "$KAFKA_DIR" "$KAFKA_DATA"
    kafka_write_config
    if pid_alive "$KAFKA_PID" kafka.Kafka; then
        info "kafka: already running ($(owner_note "$KAFKA_PID" kafka.Kafka))"
    elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
        info "kafka: $KAFKA_HOST:$KAFKA_PORT already answers (not started by infra.sh); leaving it"
    else
        kafka_ensure_libs
        kafka_format_storage
        kafka_start
    fi
}

kafka_status() {
    local address="$KAFKA_HOST:$KAFKA_PORT"
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
        status_line kafka up "$address ($(owner_note "$KAFKA_PID" kafka.Kafka))"
    else
        status_line kafka down "$address"
        return 1
    fi
}

kafka_down() {
    stop_daemon kafka "$KAFKA_PID" kafka.Kafka 30
}

# ============================================================================================
# moto_server (AWS API emulation)

moto_url() { echo "http://$MOTO_HOST:$MOTO_PORT"; }

moto_bin() {
    local bin="${MOTO_SERVER_BIN:-}"
    [[ -n "$bin" ]] || bin="$(command -v moto_server || true)"
    [[ -n "$bin" ]] || [[ ! -x "$HOME/.pyenv/shims/moto_server" ]] || bin="$HOME/.pyenv/shims/moto_server"
    [[ -n "$bin" ]] || fail moto "moto_server not found (install moto[server] with pip or set MOTO_SERVER_BIN)"
    echo "$bin"
}

moto_up() {
    local log="$LOG_DIR/moto.log" rc=0 bin
    if http_answers "$(moto_url)"; then
        info "moto: already running at $(moto_url) ($(owner_note "$MOTO_PID" moto_server))"
        return 0
    fi
    if ! pid_alive "$MOTO_PID" moto_server; then
        bin="$(moto_bin)"
        info "moto: starting moto_server at $(moto_url) (log: $log)"
        mkdir -p "$MOTO_DIR"
        (cd "$MOTO_DIR" && start_daemon "$MOTO_PID" "$log" "$bin" -H "$MOTO_HOST" -p "$MOTO_PORT")
    fi
    wait_for "$SIMSWARM_START_TIMEOUT" "$MOTO_PID" http_answers "$(moto_url)" || rc=$?
    case $rc in
        0) info "moto: answers at $(moto_url)" ;;
        2) fail moto "moto_server exited during start-up" "$log" ;;
        *) fail moto "no HTTP answer at $(moto_url) within ${SIMSWARM_START_TIMEOUT}s" "$log" ;;
    esac
}

moto_status() {
    if http_answers "$(moto_url)"; then
        status_line moto up "$(moto_url) ($(owner_note "$MOTO_PID" moto_server))"
    else
        status_line moto down "$(moto_url)"
        return 1
    fi
}

moto_down() {
    stop_daemon moto "$MOTO_PID" moto_server 15
}

# ============================================================================================
# Image registry (Debian's docker-registry, our own config; the Debian service is not used)

registry_answers() {
    curl -sf -m 2 -o /dev/null "http://$REGISTRY_HOST:$REGISTRY_PORT/v2/"
}

registry_config() {
    cat <<EOF
# Written by deploy/infra.sh; edits are overwritten.
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $REGISTRY_HOST:$REGISTRY_PORT
  headers:
    X-Content-Type-Options: [nosniff]
EOF
}

registry_up() {
    local log="$LOG_DIR/registry.log" rc=0
    command -v docker-registry >/dev/null 2>&1 || apt_install registry docker-registry
    mkdir -p "$REGISTRY_DIR/data"
    if write_if_changed "$REGISTRY_CONFIG" "$(registry_config)"; then
        info "registry: wrote $REGISTRY_CONFIG"
    fi
    if registry_answers; then
        info "registry: already running at $REGISTRY_HOST:$REGISTRY_PORT ($(owner_note "$REGISTRY_PID" docker-registry))"
        return 0
    fi
    if ! pid_alive "$REGISTRY_PID" docker-registry; then
        info "registry: starting docker-registry at $REGISTRY_HOST:$REGISTRY_PORT (log: $log)"
        # The registry treats REGISTRY_* variables as configuration overrides; ours are not.
        start_daemon "$REGISTRY_PID" "$log" env -u REGISTRY_HOST -u REGISTRY_PORT \
            docker-registry serve "$REGISTRY_CONFIG"
    fi
    wait_for "$SIMSWARM_START_TIMEOUT" "$REGISTRY_PID" registry_answers || rc=$?
    case $rc in
        0) info "registry: answers at http://$REGISTRY_HOST:$REGISTRY_PORT/v2/" ;;
        2) fail registry "docker-registry exited during start-up" "$log" ;;
        *) fail registry "no answer at http://$REGISTRY_HOST:$REGISTRY_PORT/v2/ within ${SIMSWARM_START_TIMEOUT}s" "$log" ;;
    esac
}

registry_status() {
    if registry_answers; then
        status_line registry up "$REGISTRY_HOST:$REGISTRY_PORT ($(owner_note "$REGISTRY_PID" docker-registry))"
    else
        status_line registry down "$REGISTRY_HOST:$REGISTRY_PORT"
        return 1
    fi
}

registry_down() {
    stop_daemon registry "$REGISTRY_PID" docker-registry 15
}

# ============================================================================================
# Commands

COMPONENTS=(docker postgres kafka moto registry)

# The components named on the command line (all when none is), each checked against COMPONENTS.
# usage: selected ARG...
selected() {
    local name known
    if (($# == 0)); then
        printf '%s\n' "${COMPONENTS[@]}"
        return 0
    fi
    for name in "$@"; do
        known=0
        for c in "${COMPONENTS[@]}"; do
            [[ "$c" == "$name" ]] && known=1
        done
        if ((known == 0)); then
            printf 'infra.sh: unknown component %s (components: %s)\n' "$name" "${COMPONENTS[*]}" >&2
            return 2
        fi
        printf '%s\n' "$name"
    done
}

cmd_up() {
    local started=$SECONDS names
    names="$(selected "$@")" || return 2
    take_lock
    info "Logs: $LOG_DIR"
    for c in "${COMPONENTS[@]}"; do
        grep -qx "$c" <<<"$names" && "${c}_up"
    done
    info "up finished in $((SECONDS - started))s"
    echo
    cmd_status
}

cmd_down() {
    local names i c
    names="$(selected "$@")" || return 2
    take_lock
    for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
        c="${COMPONENTS[$i]}"
        grep -qx "$c" <<<"$names" || continue
        if [[ "$c" == postgres ]]; then
            info "postgres: left running (system service shared with other projects)"
        else
            "${c}_down"
        fi
    done
    info "Logs: $LOG_DIR"
}

cmd_status() {
    local rc=0
    docker_status || rc=1
    postgres_status || rc=1
    kafka_status || rc=1
    moto_status || rc=1
    registry_status || rc=1
    info "logs      $LOG_DIR"
    return $rc
}

main() {
    case "${1:-}" in
        up | down | status) ;;
        -h | --help | help) usage; return 0 ;;
        *) usage >&2; return 2 ;;
    esac
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    "cmd_$1" "${@:2}"
}

main "$@"
