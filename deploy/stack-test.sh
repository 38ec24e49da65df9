#!/usr/bin/env bash
# End-to-end test of SimSwarm as a swarm stack (deploy/stack.sh), on the local swarm:
#   1. deploys a stack of its own with 2 replicas of build, scheduler and results;
#   2. checks that a container on the runs network (where the scheduler puts run containers) reaches
#      neither PostgreSQL, Kafka, the Docker API nor the services' ports, and that run-gateway passes
#      the lease and upload routes on and refuses everything else;
#   3. runs a campaign of examples/queueing through the command line against the gateway and, while its
#      runs are under way, kills (docker kill) one container each of build, scheduler and results and the
#      Kafka container; the campaign must end SUCCEEDED with every run's results stored exactly once;
#   4. `deploy/stack.sh down --volumes` must leave no service, container or network of the stack.
# Exit code 0 when all holds. Settings: SIMSWARM_STACK (simswarm-test), SIMSWARM_GATEWAY_PORT (18090),
# SIMSWARM_STACK_REGISTRY_PORT (15055), SIMSWARM_STACK_TEST_TIMEOUT (campaign, seconds: 300).
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

export SIMSWARM_STACK="${SIMSWARM_STACK:-simswarm-test}"
export SIMSWARM_GATEWAY_PORT="${SIMSWARM_GATEWAY_PORT:-18090}"
export SIMSWARM_STACK_REGISTRY_PORT="${SIMSWARM_STACK_REGISTRY_PORT:-15055}"
export SIMSWARM_BUILD_REPLICAS=2 SIMSWARM_SCHEDULER_REPLICAS=2 SIMSWARM_RESULTS_REPLICAS=2
CAMPAIGN_TIMEOUT="${SIMSWARM_STACK_TEST_TIMEOUT:-300}"
API="http://127.0.0.1:$SIMSWARM_GATEWAY_PORT/api"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/simswarm-stack-test.XXXXXX")"
FAILURES=0
STARTED=$SECONDS

step() { printf '\n==> [%ss] %s\n' "$((SECONDS - STARTED))" "$*"; }
pass() { printf '  ok    %s\n' "$*"; }
failed() { printf '  FAIL  %s\n' "$*"; FAILURES=$((FAILURES + 1)); }

finish() {
    local rc=$?
    step "stack down"
    if "$SCRIPT_DIR/stack.sh" down --volumes; then
        if [[ -z "$(docker_cli service ls -q --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK")$(docker_cli ps -aq --filter "label=com.docker.stack.namespace=$SIMSWARM_STACK")$(docker_cli network ls -q --filter "name=${SIMSWARM_STACK}_")" ]]; then
            pass "no service, container or network of $SIMSWARM_STACK is left"
        else
            failed "something of $SIMSWARM_STACK is left after down"
        fi
    else
        failed "deploy/stack.sh down failed"
    fi
    rm -rf "$WORK"
    ((rc == 0)) || FAILURES=$((FAILURES + 1))
    printf '\nstack test: %s failure(s) in %ss\n' "$FAILURES" "$((SECONDS - STARTED))"
    ((FAILURES == 0)) || exit 1
}

# One container of SERVICE of the stack (its id).
container_of() {
    docker_cli ps -q --filter "label=com.docker.swarm.service.name=${SIMSWARM_STACK}_$1" | head -n 1
}

# SQL on the stack's database, through the PostgreSQL container.
sql() {
    docker_cli exec "$(container_of postgres)" psql -X -qtA -h /var/run/postgresql -p 5432 -U postgres -d simswarm -c "$1"
}

campaign() { curl -sf -m 5 "$API/campaigns/$1"; }

# --- checks from inside the runs network --------------------------------------------------------

probe_done() { docker_cli service logs --raw "$1" 2>/dev/null | grep -q probe-done; }

# A one-off job on the runs network, in the image the campaigns' images start from, trying every
# address the control plane has; prints one line per check (reachable/closed).
probe_from_runs_network() {
    local targets="" name ip script service
    for name in postgres:5432 kafka:9092 provisioner:8081 build:8082 scheduler:8083 results:8084; do
        targets+=" ${name%%:*}:${name##*:}"
        for ip in $(docker_cli ps -q --filter "label=com.docker.swarm.service.name=${SIMSWARM_STACK}_${name%%:*}" |
            xargs -r "$DOCKER_CLI" inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}'); do
            targets+=" $ip:${name##*:}"
        done
    done
    # The Docker API over TCP on the usual bridge gateways, the engine's own socket.
    targets+=" 172.17.0.1:2375 172.17.0.1:2376 172.18.0.1:2375 172.18.0.1:2376"
    script='for t in '"$targets"'; do
        if timeout 3 bash -c "exec 3<>/dev/tcp/${t%:*}/${t##*:}" 2>/dev/null; then echo "reachable $t"; else echo "closed $t"; fi
    done
    if [ -e /var/run/docker.sock ]; then echo "reachable docker.sock"; else echo "closed docker.sock"; fi
    http() { exec 3<>/dev/tcp/run-gateway/8080 && printf "%s %s HTTP/1.0\r\nHost: run-gateway\r\nContent-Length: 0\r\n\r\n" "$1" "$2" >&3 && head -n 1 <&3 | cut -d" " -f2; }
    echo "gateway GET /api/campaigns $(http GET /api/campaigns)"
    echo "gateway GET /api/results/campaigns/x/scalars $(http GET /api/results/campaigns/x/scalars)"
    echo "gateway POST /api/campaigns/x/leases $(http POST /api/campaigns/x/leases)"
    echo "gateway POST /api/results/campaigns/x/runs/0/results $(http POST /api/results/campaigns/x/runs/0/results)"
    echo probe-done'
    service="${SIMSWARM_STACK}-probe"
    docker_cli service create --quiet --detach --name "$service" --mode replicated-job \
        --network "${SIMSWARM_STACK}_runs" --restart-condition none \
        simswarm/toolchain:bookworm bash -c "$script" >/dev/null
    wait_for 120 "" probe_done "$service" || true
    docker_cli service logs --raw "$service" 2>/dev/null
    docker_cli service rm "$service" >/dev/null
}

check_isolation() {
    local out
    out="$(probe_from_runs_network)"
    grep -q probe-done <<<"$out" || { failed "the probe on the runs network did not finish: $out"; return; }
    if grep -q '^reachable' <<<"$out"; then
        failed "a run container reaches: $(grep '^reachable' <<<"$out" | cut -d' ' -f2 | tr '\n' ' ')"
    else
        pass "a run container reaches neither PostgreSQL, Kafka, the Docker API nor a service port ($(grep -c '^closed' <<<"$out") addresses tried)"
    fi
    # Refused by run-gateway itself: 403. Passed on: the service's own answer (not 403, not 404 from the gateway).
    if grep -q 'GET /api/campaigns 403' <<<"$out" && grep -q 'scalars 403' <<<"$out"; then
        pass "run-gateway refuses the campaign and query APIs"
    else
        failed "run-gateway let through more than leases and uploads: $(grep '^gateway' <<<"$out" | tr '\n' ';')"
    fi
    if grep -E 'leases (401|404|400|410|204)' <<<"$out" >/dev/null && grep -E 'runs/0/results (400|401|403|404|415)' <<<"$out" >/dev/null &&
        ! grep -E 'leases (403|5..)|results (5..)' <<<"$out" >/dev/null; then
        pass "run-gateway passes the lease and upload routes to the services"
    else
        failed "run-gateway did not pass leases and uploads on: $(grep '^gateway' <<<"$out" | tr '\n' ';')"
    fi
}

# --- the campaign with kills ------------------------------------------------------------------------

killed_mid_campaign() {
    local id="$1" view status succeeded total service container
    wait_for 240 "" bash -c "curl -sf -m 5 '$API/campaigns/$id' | jq -e '.status == \"RUNNING\" and .runs.succeeded >= 1' >/dev/null" ||
        { failed "campaign $id did not get its first run done: $(campaign "$id" | jq -c '{status,error}')"; return 1; }
    view="$(campaign "$id")"
    info "  campaign RUNNING, $(jq -r '.runs.succeeded' <<<"$view") of $(jq -r '.runs.total' <<<"$view") runs done; killing containers"
    for service in build scheduler results kafka; do
        container="$(container_of "$service")"
        docker_cli kill "$container" >/dev/null
        info "  killed ${SIMSWARM_STACK}_$service container ${container:0:12}"
    done
    view="$(campaign "$id" || true)"
    [[ "$(jq -r '.status' <<<"${view:-{\}}")" == RUNNING ]] || info "  (the campaign was $(jq -r '.status' <<<"${view:-{\}}") right after the kills)"
}

check_campaign() {
    local id output="$WORK/results" cli_log="$WORK/cli.log" view status total stored twice cli_pid rc=0
    eval "$("$SCRIPT_DIR/stack.sh" env)"
    id="$(cd "$ROOT" && ./simswarm run -C examples/queueing -c MM1 -j 2 --retries 1 --cpus 0.1 \
        --build-command make --run-command ./queueing --detach -- --sim-time-limit=30000s)" ||
        { failed "the command line could not submit through the gateway"; return; }
    id="$(grep -oE '[A-Za-z0-9_-]{8,}' <<<"$id" | tail -n 1)"
    pass "campaign $id submitted through the gateway"
    (cd "$ROOT" && ./simswarm watch "$id" >"$cli_log" 2>&1) &
    cli_pid=$!
    killed_mid_campaign "$id" || true
    if ! wait_for "$CAMPAIGN_TIMEOUT" "" bash -c "curl -sf -m 5 '$API/campaigns/$id' | jq -e '.status | test(\"SUCCEEDED|FAILED|CANCELLED\")' >/dev/null"; then
        failed "campaign $id did not end within ${CAMPAIGN_TIMEOUT}s: $(campaign "$id" | jq -c '{status,runs}')"
        kill "$cli_pid" 2>/dev/null || true
        return
    fi
    wait "$cli_pid" || rc=$?
    view="$(campaign "$id")"
    status="$(jq -r .status <<<"$view")"
    total="$(jq -r .runs.total <<<"$view")"
    [[ "$status" == SUCCEEDED ]] && pass "campaign SUCCEEDED ($total runs)" ||
        failed "campaign ended $status: $(jq -c '{error,runs}' <<<"$view")"
    ((rc == 0)) && pass "simswarm watch ended with 0" || failed "simswarm watch ended with $rc: $(tail -n 5 "$cli_log")"
    stored="$(sql "select count(distinct run_number) || ' ' || count(*) from results.run where campaign_id = '$id'")"
    twice="$(sql "select count(*) from results.superseded_upload where campaign_id = '$id'")"
    if [[ "$stored" == "$total $total" && "$twice" == 0 ]]; then
        pass "every run's results stored exactly once ($total runs, no upload replaced)"
    else
        failed "results stored: runs/rows '$stored' of $total, replaced uploads $twice"
    fi
    curl -sf -m 10 "$API/results/campaigns/$id/scalars?name=*ueueingTime*" -o "$output.json" &&
        pass "results queryable through the gateway" || failed "GET /api/results/campaigns/$id/scalars through the gateway failed"
}

main() {
    mkdir -p "$LOG_DIR"
    select_docker_cli || fail stack-test "no docker CLI can talk to the engine"
    trap finish EXIT
    trap 'exit 143' TERM INT
    step "stack up ($SIMSWARM_STACK, 2 replicas of build, scheduler and results)"
    "$SCRIPT_DIR/stack.sh" up
    pass "stack ready after $((SECONDS - STARTED))s"
    step "isolation of the run containers"
    check_isolation
    step "campaign with killed containers"
    check_campaign
}

main "$@"
