#!/usr/bin/env bash
# SimSwarm as a swarm stack (deploy/stack/simswarm.yml) on the local swarm.
#
#   deploy/stack.sh up                 package what is missing, build the images (each content once),
#                                      make the secrets, deploy, wait until every service is ready
#   deploy/stack.sh down [--volumes]   remove the stack, the worker services on its runs network, and
#                                      wait until no service, container or network of it is left
#                                      (--volumes: also its data: database, Kafka, registry, results)
#   deploy/stack.sh status             the stack's services and their replicas
#   deploy/stack.sh scale SERVICE N    run N replicas of build, scheduler or results
#   deploy/stack.sh env                the CLI's settings for this stack (eval "$(deploy/stack.sh env)")
#
# Settings (environment, with defaults):
#   SIMSWARM_STACK=simswarm             stack name (services are named simswarm_scheduler, ...)
#   SIMSWARM_GATEWAY_PORT=8080          the one published port of the stack (the gateway)
#   SIMSWARM_STACK_REGISTRY_PORT=5055   the stack's image registry, on the manager's loopback
#   SIMSWARM_BUILD_REPLICAS=1 SIMSWARM_SCHEDULER_REPLICAS=1 SIMSWARM_RESULTS_REPLICAS=1
#   SIMSWARM_IMAGE_KIND=jvm             jvm or native images of the services (deploy/images/build.sh)
#   SIMSWARM_SOURCES=(the checkout's folder) folder the build service sees, for file URLs of checkouts
#   SIMSWARM_STACK_TIMEOUT=480          seconds to wait for the services to be ready
#   SIMSWARM_OIDC_URL, SIMSWARM_OIDC_CLIENT_ID, SIMSWARM_OIDC_ROLES_CLAIM, SIMSWARM_OIDC_AUDIENCE
#                                       an identity provider whose tokens the services accept and through which
#                                       the dashboard signs in (README, Security); unset: none
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

export SIMSWARM_STACK="${SIMSWARM_STACK:-simswarm}"
export SIMSWARM_GATEWAY_PORT="${SIMSWARM_GATEWAY_PORT:-8080}"
export SIMSWARM_STACK_REGISTRY_PORT="${SIMSWARM_STACK_REGISTRY_PORT:-5055}"
export SIMSWARM_BUILD_REPLICAS="${SIMSWARM_BUILD_REPLICAS:-1}"
export SIMSWARM_SCHEDULER_REPLICAS="${SIMSWARM_SCHEDULER_REPLICAS:-1}"
export SIMSWARM_RESULTS_REPLICAS="${SIMSWARM_RESULTS_REPLICAS:-1}"
export SIMSWARM_SECRETS_DIR="$SIMSWARM_STATE_DIR/stack-secrets"
STACK_FILE="$SCRIPT_DIR/stack/simswarm.yml"
STACK_TIMEOUT="${SIMSWARM_STACK_TIMEOUT:-480}"
SERVICES=(provisioner build scheduler results)
SCALABLE=(build scheduler results)

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

# The folder holding the checkout and its git data (a worktree keeps them apart): the longest path
# both lie in.
sources_folder() {
    local top common
    top="$(git -C "$ROOT" rev-parse --show-toplevel 2>/dev/null)" || { echo "$ROOT"; return; }
    common="$(cd "$ROOT" && realpath "$(git rev-parse --git-common-dir)")"
    while [[ "$common/" != "$top/"* ]]; do top="$(dirname "$top")"; done
    echo "$top"
}

# The secrets of the stack, made once and kept in the state folder (root only). Swarm secrets cannot
# change while a stack uses them; new values need `down` first.
make_secrets() {
    local name
    (umask 077 && mkdir -p "$SIMSWARM_SECRETS_DIR")
    for name in db-password token-secret internal-key secret-key; do
        [[ -s "$SIMSWARM_SECRETS_DIR/$name" ]] ||
            (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$SIMSWARM_SECRETS_DIR/$name")
    done
    if [[ ! -s "$SIMSWARM_SECRETS_DIR/jwt-private.pem" ]]; then
        (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
            -out "$SIMSWARM_SECRETS_DIR/jwt-private.pem" 2>/dev/null) ||
            fail stack "openssl could not make the token-signing key"
        openssl pkey -in "$SIMSWARM_SECRETS_DIR/jwt-private.pem" -pubout -out "$SIMSWARM_SECRETS_DIR/jwt-public.pem"
    fi
}

# Packages the services when a service's quarkus-app is missing (a checkout that was never built).
package_if_missing() {
    local name missing=""
    [[ "${SIMSWARM_IMAGE_KIND:-jvm}" == native ]] && return 0
    for name in "${SERVICES[@]}"; do
        [[ -f "$ROOT/$name-service/target/quarkus-app/quarkus-run.jar" ]] || missing=1
    done
    [[ -z "$missing" ]] && return 0
    info "stack: packaging the services (mvn package; log: $LOG_DIR/build.log)"
    (cd "$ROOT" && mvn -B -ntp -DskipTests package) >"$LOG_DIR/build.log" 2>&1 ||
        fail stack "mvn package failed" "$LOG_DIR/build.log"
}

# Lines "SERVICE RUNNING DESIRED" for the stack's services.
replicas() {
    docker_cli service ls --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK" \
        --format '{{.Name}} {{.Replicas}}' | sed -E 's#^([^ ]+) ([0-9]+)/([0-9]+).*#\1 \2 \3#'
}

# True when every service runs its replicas and no container of the stack is unhealthy or starting.
all_ready() {
    local name running desired count=0
    while read -r name running desired; do
        [[ -n "$name" ]] || continue
        count=$((count + 1))
        [[ "$running" == "$desired" ]] || return 1
    done < <(replicas)
    ((count > 0)) || return 1
    ! docker_cli ps --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK" --format '{{.Status}}' |
        grep -qE 'health: starting|unhealthy'
}

cmd_up() {
    local started=$SECONDS
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    "$SCRIPT_DIR/infra.sh" up docker >/dev/null
    select_docker_cli || fail stack "no docker CLI can talk to the engine"
    package_if_missing
    "$SCRIPT_DIR/images/build.sh"
    "$SCRIPT_DIR/images/toolchain.sh"
    make_secrets
    set -a
    # shellcheck disable=SC1091 # written by deploy/images/build.sh
    source "$SIMSWARM_STATE_DIR/images.env"
    set +a
    export SIMSWARM_SOURCES="${SIMSWARM_SOURCES:-$(sources_folder)}"
    info "stack: deploying $SIMSWARM_STACK (gateway on port $SIMSWARM_GATEWAY_PORT; log: $LOG_DIR/stack.log)"
    docker_cli stack deploy --prune --resolve-image never -c "$STACK_FILE" "$SIMSWARM_STACK" >>"$LOG_DIR/stack.log" 2>&1 ||
        fail stack "docker stack deploy failed" "$LOG_DIR/stack.log"
    wait_for "$STACK_TIMEOUT" "" all_ready || {
        cmd_status >&2
        fail stack "not every service was ready after ${STACK_TIMEOUT}s (docker service logs ${SIMSWARM_STACK}_NAME)"
    }
    info "stack: ready after $((SECONDS - started))s; API and dashboard at http://127.0.0.1:$SIMSWARM_GATEWAY_PORT/"
    cmd_status
}

# Services not part of the stack but attached to its networks: the workers and expansion jobs the
# scheduler started.
attached_services() {
    local id networks
    networks="$(docker_cli network ls -q --no-trunc --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK" | tr '\n' ' ')"
    [[ -n "${networks// /}" ]] || return 0
    for id in $(docker_cli service ls -q); do
        docker_cli service inspect --format '{{range .Spec.TaskTemplate.Networks}}{{.Target}} {{end}}' "$id" 2>/dev/null |
            tr ' ' '\n' | grep -qxF -f <(tr ' ' '\n' <<<"$networks" | sed '/^$/d') && echo "$id"
    done
    return 0
}

leftovers() {
    docker_cli service ls -q --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK"
    docker_cli ps -aq --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK"
    docker_cli network ls -q --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK"
}

nothing_left() { [[ -z "$(leftovers)" ]]; }

# Removes what is left of the stack: worker services the scheduler may still have been starting while the
# stack went away, exited containers of removed services, networks nothing uses any more. True when
# nothing is left.
clear_leftovers() {
    local workers
    workers="$(attached_services)"
    # shellcheck disable=SC2086 # one id per word
    [[ -z "$workers" ]] || docker_cli service rm $workers >/dev/null 2>&1 || true
    if [[ -z "$(docker_cli service ls -q --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK")" ]]; then
        docker_cli ps -aq --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK" | xargs -r "$DOCKER_CLI" rm -f >/dev/null 2>&1 || true
        docker_cli network ls -q --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK" | xargs -r "$DOCKER_CLI" network rm >/dev/null 2>&1 || true
    fi
    nothing_left
}

cmd_down() {
    local volumes="" deadline=$((SECONDS + 180))
    [[ "${1:-}" == --volumes ]] && volumes=1
    select_docker_cli || fail stack "no docker CLI can talk to the engine"
    info "stack: removing $SIMSWARM_STACK and the worker services on its networks"
    attached_services | xargs -r "$DOCKER_CLI" service rm >/dev/null 2>&1 || true
    # A network still used by a worker service is left by `stack rm`; clear_leftovers takes it afterwards.
    docker_cli stack rm "$SIMSWARM_STACK" >/dev/null 2>&1 || true
    until clear_leftovers; do
        ((SECONDS < deadline)) || fail stack "still left after 180s: $(leftovers | tr '\n' ' ')"
        sleep 2
    done
    if [[ -n "$volumes" ]]; then
        docker_cli volume ls -q --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK" | xargs -r "$DOCKER_CLI" volume rm >/dev/null
        info "stack: volumes removed"
    fi
    info "stack: $SIMSWARM_STACK removed; no service, container or network of it is left"
}

cmd_status() {
    select_docker_cli || fail stack "no docker CLI can talk to the engine"
    docker_cli stack services "$SIMSWARM_STACK" --format 'table {{.Name}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}'
}

cmd_scale() {
    local service="${1:-}" count="${2:-}"
    [[ -n "$service" && "$count" =~ ^[0-9]+$ ]] || { usage >&2; return 2; }
    [[ " ${SCALABLE[*]} " == *" $service "* ]] ||
        fail stack "only ${SCALABLE[*]} run several replicas; $service stays at one (docs/architecture.md, The stack)"
    select_docker_cli || fail stack "no docker CLI can talk to the engine"
    docker_cli service scale --detach=false "${SIMSWARM_STACK}_$service=$count"
}

cmd_env() {
    local url="http://127.0.0.1:$SIMSWARM_GATEWAY_PORT/api"
    printf 'export SIMSWARM_SCHEDULER_URL=%s SIMSWARM_BUILD_URL=%s SIMSWARM_PROVISIONER_URL=%s SIMSWARM_RESULTS_URL=%s/results\n' \
        "$url" "$url" "$url" "$url"
}

main() {
    case "${1:-}" in
        up | down | status | scale | env) "cmd_$1" "${@:2}" ;;
        -h | --help | help) usage ;;
        *) usage >&2; return 2 ;;
    esac
}

main "$@"
