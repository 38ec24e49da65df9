#!/usr/bin/env bash
# Measures what the build cache saves: the cold build of examples/queueing (a commit the engine has never
# built) against the turnaround of identical requests served from the cache (POST /builds until GET shows
# SUCCEEDED), in the same run, and prints both with their ratio.
#
# Needs the infrastructure (deploy/infra.sh up) and the toolchain image (deploy/images/toolchain.sh).
# Starts its own build-service from build-service/target/quarkus-app (packaged first, unless
# BENCH_SKIP_PACKAGE=1 and it exists) unless BUILD_URL points at a running one.
#
# Settings (environment):
#   BUILD_URL=                 use this running build service instead of starting one
#   BENCH_PORT=18082           port of the build service this script starts
#   BENCH_CACHED_RUNS=10       cached requests measured (the median and the extremes are printed)
#   BENCH_BUILD_COMMAND='make -j$(nproc)'
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${BENCH_PORT:-18082}
runs=${BENCH_CACHED_RUNS:-10}
command=${BENCH_BUILD_COMMAND:-'make -j$(nproc)'}
work=$(mktemp -d "${TMPDIR:-/tmp}/simswarm-bench-build-cache.XXXXXX")
service_pid=""

cleanup() {
    if [[ -n "$service_pid" ]]; then
        kill "$service_pid" 2>/dev/null || true
        wait "$service_pid" 2>/dev/null || true
    fi
    if [[ -n "${repo_url:-}" ]]; then
        docker image ls -q --filter "label=io.simswarm.repo=$repo_url" | sort -u |
            xargs -r docker image rm -f >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

json_field() { # json_field NAME < json: the string (or bare) value of a top-level field
    sed -n "s/.*\"$1\":\(\"\([^\"]*\)\"\|\([a-z0-9.]*\)\).*/\2\3/p" | head -n1
}

# a token of the local key pair (deploy/quickstart.sh's), accepted by a service started here or by the quickstart's
# shellcheck source=../../deploy/lib/common.sh
source "$root/deploy/lib/common.sh"
auth="Authorization: Bearer $(sign_token bench admin 1)"

start_service() {
    local app="$root/build-service/target/quarkus-app/quarkus-run.jar"
    if [[ "${BENCH_SKIP_PACKAGE:-0}" != 1 || ! -f "$app" ]]; then
        echo "packaging build-service (mvn package -DskipTests)"
        (cd "$root" && mvn -B -ntp -q -pl build-service -am package -DskipTests)
    fi
    # A consumer group of its own that serves no campaign: the bench must not take others' build requests.
    SIMSWARM_BUILD_PORT=$port \
    SIMSWARM_BUILD_CAMPAIGN_PATTERN='bench-serves-no-campaign' \
    SIMSWARM_JWT_PUBLIC_KEY="$JWT_PUBLIC_KEY" SIMSWARM_ALLOW_FILE_REPOS=true \
    MP_MESSAGING_INCOMING_BUILD_REQUESTS_GROUP_ID="build-bench-$$" \
        java -jar "$app" >"$work/service.log" 2>&1 &
    service_pid=$!
    BUILD_URL="http://127.0.0.1:$port"
    for _ in $(seq 1 120); do
        if curl -fs "$BUILD_URL/q/health/ready" >/dev/null 2>&1; then return 0; fi
        kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log"; echo "build-service did not start" >&2; exit 1; }
        sleep 0.5
    done
    echo "build-service not ready after 60 s (log: $work/service.log)" >&2
    exit 1
}

make_repo() { # a fresh commit of examples/queueing, so the first build is cold
    local dir="$work/queueing"
    mkdir -p "$dir"
    (cd "$root/examples/queueing" && tar --exclude=./build --exclude=./queueing --exclude=./results \
        --exclude=./tests/out -cf - .) | tar -C "$dir" -xf -
    echo "bench $(date -u +%FT%TZ) $$" >"$dir/BENCH"
    git -C "$dir" init -q -b main
    git -C "$dir" add -A
    git -C "$dir" -c user.name=bench -c user.email=bench@simswarm.invalid commit -q -m "bench"
    repo_url="file://$dir"
}

# build_ms: POST a build and poll until it finished; prints "MILLIS STATUS CACHED"
build_ms() {
    local body started id build status
    body=$(printf '{"repoUrl":"%s","buildCommand":"%s"}' "$repo_url" "$command")
    started=$(now_ms)
    id=$(curl -fs -H "$auth" -H 'Content-Type: application/json' -d "$body" "$BUILD_URL/builds" | json_field id)
    while true; do
        build=$(curl -fs -H "$auth" "$BUILD_URL/builds/$id")
        status=$(json_field status <<<"$build")
        if [[ "$status" == SUCCEEDED || "$status" == FAILED ]]; then break; fi
        sleep 0.02
    done
    echo "$(( $(now_ms) - started )) $status $(json_field cached <<<"$build") $id"
}

[[ -n "${BUILD_URL:-}" ]] || start_service
make_repo
echo "build service: $BUILD_URL"
echo "repository:    $repo_url ($(git -C "$work/queueing" rev-parse HEAD))"
echo "build command: $command"

read -r cold_ms status cached id < <(build_ms)
if [[ "$status" != SUCCEEDED || "$cached" != false ]]; then
    echo "the cold build did not succeed as a fresh build (status $status, cached $cached):" >&2
    curl -fs -H "$auth" "$BUILD_URL/builds/$id" >&2
    exit 1
fi

cached_ms=()
for _ in $(seq 1 "$runs"); do
    read -r ms status cached id < <(build_ms)
    if [[ "$status" != SUCCEEDED || "$cached" != true ]]; then
        echo "a repeated request was not served from the cache (status $status, cached $cached, build $id)" >&2
        exit 1
    fi
    cached_ms+=("$ms")
done
mapfile -t sorted < <(printf '%s\n' "${cached_ms[@]}" | sort -n)
median=${sorted[$(( ${#sorted[@]} / 2 ))]}

echo
printf 'cold build (POST to SUCCEEDED):        %8.1f s\n' "$(awk -v ms="$cold_ms" 'BEGIN { print ms / 1000 }')"
printf 'cached build turnaround, median of %d: %6d ms   (min %d ms, max %d ms)\n' "$runs" "$median" \
    "${sorted[0]}" "${sorted[-1]}"
printf 'cold / cached:                          %8.0f x\n' "$(awk -v c="$cold_ms" -v m="$median" 'BEGIN { print c / m }')"
