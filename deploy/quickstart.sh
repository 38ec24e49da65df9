#!/usr/bin/env bash
# One command from a fresh machine to a finished campaign: brings up the infrastructure, builds
# SimSwarm, builds the toolchain base image, starts the four services in the background and runs
# a campaign of examples/queueing on the local swarm through `simswarm run`. The result files end
# up in ./results and an aggregated scalar table is printed.
#
#   deploy/quickstart.sh          everything above (services already running are reused)
#   deploy/quickstart.sh start    infrastructure, build and services, no campaign
#   deploy/quickstart.sh stop     stop the four services (the infrastructure stays: infra.sh down)
#   deploy/quickstart.sh status   one line per service
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

# name:port, in start order (the scheduler asks the provisioner for clusters)
SERVICES=(provisioner:8081 results:8084 build:8082 scheduler:8083)
SECRETS_DIR="$SIMSWARM_STATE_DIR/secrets"
RESULTS_STORE="${SIMSWARM_RESULTS_DIR:-$SIMSWARM_STATE_DIR/results-store}"
SERVICE_TIMEOUT="${SIMSWARM_SERVICE_TIMEOUT:-120}"

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

service_pidfile() { echo "$RUN_DIR/$1-service.pid"; }
service_log() { echo "$LOG_DIR/$1-service.log"; }
service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
service_ready() { curl -sf -m 2 "http://127.0.0.1:$1/q/health/ready" >/dev/null; }

build_simswarm() {
    info "build: mvn package (services and command line; log: $LOG_DIR/build.log)"
    if ! (cd "$ROOT" && mvn -B -ntp -DskipTests package) >"$LOG_DIR/build.log" 2>&1; then
        fail build "mvn package failed" "$LOG_DIR/build.log"
    fi
}

# A random secret generated on first use and kept in the state folder (readable by root only).
# usage: secret NAME
secret() {
    local file="$SECRETS_DIR/$1"
    if [[ ! -s "$file" ]]; then
        (umask 077 && mkdir -p "$SECRETS_DIR" && head -c 32 /dev/urandom | base64 >"$file")
    fi
    cat "$file"
}

start_service() {
    local name="$1" port="$2" pidfile log jar rc=0
    pidfile="$(service_pidfile "$name")"
    log="$(service_log "$name")"
    jar="$(service_jar "$name")"
    if service_ready "$port"; then
        info "$name-service: already running on port $port"
        return 0
    fi
    [[ -f "$jar" ]] || fail "$name-service" "$jar is missing; build first (deploy/quickstart.sh start)"
    # run tokens (scheduler, results), Docker TLS material (provisioner, scheduler, build), stored private keys
    start_daemon "$pidfile" "$log" env SIMSWARM_TOKEN_SECRET="$(secret token-secret)" \
        SIMSWARM_INTERNAL_KEY="$(secret internal-key)" SIMSWARM_SECRET_KEY="$(secret secret-key)" \
        SIMSWARM_RESULTS_DIR="$RESULTS_STORE" java -jar "$jar"
    wait_for "$SERVICE_TIMEOUT" "$pidfile" service_ready "$port" || rc=$?
    case $rc in
        0) info "$name-service: up on http://127.0.0.1:$port (log: $log)" ;;
        2) fail "$name-service" "exited during start-up" "$log" ;;
        *) fail "$name-service" "not ready on port $port after ${SERVICE_TIMEOUT}s" "$log" ;;
    esac
}

start_services() {
    local entry
    mkdir -p "$RESULTS_STORE"
    for entry in "${SERVICES[@]}"; do
        start_service "${entry%%:*}" "${entry##*:}"
    done
}

stop_services() {
    local entry name
    for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
        entry="${SERVICES[$i]}"
        name="${entry%%:*}"
        stop_daemon "$name-service" "$(service_pidfile "$name")" "$name-service" 30
    done
}

status_services() {
    local entry name port down=0
    for entry in "${SERVICES[@]}"; do
        name="${entry%%:*}"
        port="${entry##*:}"
        if service_ready "$port"; then
            printf '%-20s up    http://127.0.0.1:%s\n' "$name-service" "$port"
        else
            printf '%-20s down  (log: %s)\n' "$name-service" "$(service_log "$name")"
            down=1
        fi
    done
    return $down
}

sample_campaign() {
    info ""
    info "campaign: examples/queueing, config MMc (24 runs: 4 server counts x 3 loads x 2 repetitions)"
    cd "$ROOT"
    ./simswarm run -C examples/queueing -c MMc -j 4 \
        --build-command make --run-command ./queueing \
        --output "$ROOT/results" --summary '*ueueingTime*' \
        -- --sim-time-limit=500s
}

main() {
    local command="${1:-run}"
    case "$command" in
        -h | --help | help) usage; return 0 ;;
        stop) stop_services; return 0 ;;
        status) status_services; return ;;
        start | run) ;;
        *) usage >&2; return 2 ;;
    esac
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    "$SCRIPT_DIR/infra.sh" up
    ensure_build_tools
    build_simswarm
    "$SCRIPT_DIR/images/toolchain.sh"
    take_lock
    start_services
    exec 9>&-
    [[ "$command" == run ]] && sample_campaign
    return 0
}

main "$@"
