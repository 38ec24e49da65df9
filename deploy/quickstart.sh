#!/usr/bin/env bash
# One command from a fresh machine to a finished campaign: brings up the infrastructure, builds
# SimSwarm, builds the toolchain base image, starts the four services and the dashboard in the
# background and runs a campaign of examples/queueing on the local swarm through `simswarm run`. The
# result files end up in ./results and an aggregated scalar table is printed.
#
#   deploy/quickstart.sh          everything above (services already running are reused)
#   deploy/quickstart.sh start    infrastructure, build (only what changed) and services, no campaign
#   deploy/quickstart.sh stop     stop the four services and the dashboard (the infrastructure stays: infra.sh down)
#   deploy/quickstart.sh status   one line per service
#
# The dashboard and the services' APIs are served on one port, http://127.0.0.1:8080/ (SIMSWARM_DASHBOARD_PORT).
#
# With --stack first, SimSwarm is deployed as a swarm stack instead (deploy/stack.sh: the four services,
# PostgreSQL, Kafka, the registry and the gateway, the one published port) and the campaign goes through
# the gateway: deploy/quickstart.sh --stack [run|start|stop|status]. --processes names the default.
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
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

service_pidfile() { echo "$RUN_DIR/$1-service.pid"; }
service_log() { echo "$LOG_DIR/$1-service.log"; }
service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
service_ready() { curl -sf -m 2 "http://127.0.0.1:$1/q/health/ready" >/dev/null; }

# The modules the quickstart runs, and a stamp per module written after each successful build: a module is
# rebuilt (with what it depends on and what depends on it) only when a file of it, or the parent pom, is newer
# than its stamp, so a second `quickstart.sh start` reuses the jars of running services untouched.
MODULES=(events commons docker-support runner provisioner-service build-service scheduler-service results-service cli
    dashboard)
module_stamp() { echo "$ROOT/$1/target/.quickstart-built"; }

changed_modules() {
    local module stamp
    for module in "${MODULES[@]}"; do
        stamp="$(module_stamp "$module")"
        if [[ ! -f "$stamp" || "$ROOT/pom.xml" -nt "$stamp" ]] ||
            [[ -n "$(find "$ROOT/$module" \( -path "$ROOT/$module/target" -o -path "$ROOT/$module/node_modules" \
                -o -path "$ROOT/$module/dist" \) -prune -o -type f -newer "$stamp" -print -quit)" ]]; then
            echo "$module"
        fi
    done
}

build_simswarm() {
    local changed module
    changed="$(changed_modules | paste -sd, -)"
    if [[ -z "$changed" ]]; then
        info "build: nothing changed since the last build"
        return 0
    fi
    info "build: mvn package of $changed and what depends on them (log: $LOG_DIR/build.log)"
    if ! (cd "$ROOT" && mvn -B -ntp -DskipTests package -pl "$changed,!e2e" -am -amd) >"$LOG_DIR/build.log" 2>&1; then
        fail build "mvn package failed" "$LOG_DIR/build.log"
    fi
    # every module gets its stamp, the dashboard too (its build writes dist/, not target/)
    for module in "${MODULES[@]}"; do
        mkdir -p "$(dirname "$(module_stamp "$module")")"
        touch "$(module_stamp "$module")"
    done
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
    # each service gets only the secrets it uses, in its environment: the start line in the log shows none
    (
        # the provisioner and the build service listen on loopback; the scheduler and the results service on every
        # interface, open off loopback only for the runs' calls (simswarm.http.remote-calls)
        export SIMSWARM_JWT_PUBLIC_KEY="$JWT_PUBLIC_KEY"
        case "$name" in
            provisioner) export SIMSWARM_JWT_PRIVATE_KEY="$JWT_PRIVATE_KEY" \
                SIMSWARM_INTERNAL_KEY="$(secret internal-key)" SIMSWARM_SECRET_KEY="$(secret secret-key)" ;;
            results) export SIMSWARM_TOKEN_SECRET="$(secret token-secret)" SIMSWARM_RESULTS_DIR="$RESULTS_STORE" \
                SIMSWARM_INTERNAL_KEY="$(secret internal-key)" ;;
            build) export SIMSWARM_INTERNAL_KEY="$(secret internal-key)" SIMSWARM_ALLOW_FILE_REPOS=true ;;
            scheduler) export SIMSWARM_TOKEN_SECRET="$(secret token-secret)" \
                SIMSWARM_INTERNAL_KEY="$(secret internal-key)" SIMSWARM_ALLOW_FILE_REPOS=true ;;
        esac
        start_daemon "$pidfile" "$log" java -jar "$jar"
    )
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
    ensure_jwt_keys
    for entry in "${SERVICES[@]}"; do
        start_service "${entry%%:*}" "${entry##*:}"
    done
    start_dashboard
    write_cli_token
}

DASHBOARD_PORT="${SIMSWARM_DASHBOARD_PORT:-8080}"
dashboard_ready() { curl -sf -m 2 "http://127.0.0.1:$1/" >/dev/null; }

# The built dashboard (dashboard/dist) and the four APIs under /api on one port (dashboard/serve.mjs).
start_dashboard() {
    local pidfile="$RUN_DIR/dashboard.pid" log="$LOG_DIR/dashboard.log" rc=0
    if dashboard_ready "$DASHBOARD_PORT"; then
        info "dashboard: already running on port $DASHBOARD_PORT"
        return 0
    fi
    [[ -f "$ROOT/dashboard/dist/index.html" ]] || fail dashboard "dashboard/dist is missing; build first (deploy/quickstart.sh start)"
    start_daemon "$pidfile" "$log" env SIMSWARM_DASHBOARD_PORT="$DASHBOARD_PORT" node "$ROOT/dashboard/serve.mjs"
    wait_for 30 "$pidfile" dashboard_ready "$DASHBOARD_PORT" || rc=$?
    case $rc in
        0) info "dashboard: up on http://127.0.0.1:$DASHBOARD_PORT/ (log: $log)" ;;
        *) fail dashboard "not serving on port $DASHBOARD_PORT" "$log" ;;
    esac
}

# An admin token for the local user in the command line's config file, so that simswarm works with no extra step.
write_cli_token() {
    local config="${SIMSWARM_CONFIG:-$HOME/.config/simswarm/config.properties}" token
    token=$(sign_token "${USER:-$(id -un)}" admin 365)
    (umask 077 && mkdir -p "$(dirname "$config")" && touch "$config")
    { grep -v '^token=' "$config" || true; printf 'token=%s\n' "$token"; } >"$config.new"
    chmod 600 "$config.new" && mv "$config.new" "$config"
    info "command line: an admin token for ${USER:-$(id -un)} is in $config"
}

stop_services() {
    local entry name
    stop_daemon dashboard "$RUN_DIR/dashboard.pid" serve.mjs 10
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

# The stack mode: deploy/stack.sh does the building and deploying; the command line goes to the gateway.
stack_main() {
    local command="$1"
    case "$command" in
        stop) exec "$SCRIPT_DIR/stack.sh" down ;;
        status) exec "$SCRIPT_DIR/stack.sh" status ;;
    esac
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    ensure_build_tools
    build_simswarm
    "$SCRIPT_DIR/stack.sh" up
    eval "$("$SCRIPT_DIR/stack.sh" env)"
    [[ "$command" == run ]] && sample_campaign
    return 0
}

main() {
    local mode=processes
    case "${1:-}" in
        --processes) shift ;;
        --stack) mode=stack; shift ;;
    esac
    local command="${1:-run}"
    case "$command" in
        -h | --help | help) usage; return 0 ;;
        start | run | stop | status) ;;
        *) usage >&2; return 2 ;;
    esac
    if [[ "$mode" == stack ]]; then
        stack_main "$command"
        return
    fi
    case "$command" in
        stop) stop_services; return 0 ;;
        status) status_services; return ;;
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
