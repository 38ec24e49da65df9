#!/usr/bin/env bash
# Builds the images of the SimSwarm stack without pulling anything, each content once:
#   base-jre, base-infra, base-micro  Debian minbase + packages, made with debootstrap (lib/debian.sh)
#   jre, micro                        the bases plus the start scripts (jre/, micro/)
#   provisioner, build, scheduler, results
#                                     one image per service: the quarkus-app layout on jre
#                                     (service/Dockerfile.jvm), or with SIMSWARM_IMAGE_KIND=native the
#                                     native executable on micro (service/Dockerfile.native-micro)
#   postgres, kafka, registry, gateway the infrastructure of the stack
# Every image is tagged with the hash of what it is made of (recipe, files, base image), so an unchanged
# image is not built again and a changed one gets a new tag. The tags chosen are written to
# $SIMSWARM_STATE_DIR/images.env (SIMSWARM_IMAGE_<NAME>=...), which deploy/stack.sh reads.
# The services must be packaged first (mvn package; -Pnative for native).
#
# usage: deploy/images/build.sh [NAME...]     (default: every image of the stack)
#
# Settings (environment):
#   SIMSWARM_IMAGE_KIND=jvm            jvm or native
#   SIMSWARM_IMAGE_SUITE=bookworm      Debian release of the bases
#   SIMSWARM_DEBIAN_MIRROR=(from apt sources) Debian archive URL to bootstrap from
#   SIMSWARM_DASHBOARD_DIST=dashboard/dist  the dashboard's built files, served at / when the folder exists
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$SCRIPT_DIR/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/debian.sh
source "$SCRIPT_DIR/lib/debian.sh"

KIND="${SIMSWARM_IMAGE_KIND:-jvm}"
SUITE="${SIMSWARM_IMAGE_SUITE:-bookworm}"
DASHBOARD_DIST="${SIMSWARM_DASHBOARD_DIST:-$ROOT/dashboard/dist}"
STAGE_DIR="$SIMSWARM_STATE_DIR/images"
IMAGES_ENV="$SIMSWARM_STATE_DIR/images.env"
SERVICES=(provisioner build scheduler results)
ALL=(postgres kafka registry gateway "${SERVICES[@]}")

# Debian packages of each debootstrapped base.
declare -A BASE_PACKAGES=(
    [base-jre]="openjdk-17-jre-headless,ca-certificates,curl"
    [base-infra]="postgresql,nginx-light,docker-registry,ca-certificates,curl"
    [base-micro]="ca-certificates,curl"
)

declare -A BUILT=()

# Records IMAGE as the image of NAME for this run and in images.env.
remember() {
    local name="$1" image="$2" var
    BUILT[$name]="$image"
    var="SIMSWARM_IMAGE_$(tr 'a-z-' 'A-Z_' <<<"$name")"
    touch "$IMAGES_ENV"
    sed -i "/^$var=/d" "$IMAGES_ENV"
    echo "$var=$image" >>"$IMAGES_ENV"
}

# A debootstrapped base, tagged with the hash of its suite, packages and recipe.
base_image() {
    local name="$1" image
    [[ -n "${BUILT[$name]:-}" ]] && return 0
    image="simswarm/$name:$SUITE-$(content_hash "$SUITE" "${BASE_PACKAGES[$name]}" "$(cat "$SCRIPT_DIR/lib/debian.sh")")"
    if image_present "$image"; then
        info "$name: $image present"
    else
        bootstrap_image "$name" "$image" "$SUITE" "${BASE_PACKAGES[$name]}"
    fi
    remember "$name" "$image"
}

# Hash of the files of a build context folder and of the base image it starts from.
context_hash() {
    local context="$1" base="$2"
    {
        (cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
        docker_cli image inspect --format '{{.Id}}' "$base"
    } | sha256sum | cut -c1-12
}

# Builds NAME from DOCKERFILE in CONTEXT on the image BASE unless an image of the same content exists.
# usage: docker_image NAME CONTEXT DOCKERFILE BASE
docker_image() {
    local name="$1" context="$2" dockerfile="$3" base="$4" image log="$LOG_DIR/image-$1.log" started=$SECONDS
    image="simswarm/$name:$(context_hash "$context" "$base")"
    if image_present "$image"; then
        info "$name: $image present"
    else
        info "$name: building $image (log: $log)"
        DOCKER_BUILDKIT=0 docker_cli build --quiet --build-arg "BASE=$base" -f "$dockerfile" \
            --label "io.simswarm.image=$name" -t "$image" "$context" >"$log" 2>&1 ||
            fail "$name" "docker build failed" "$log"
        info "$name: built in $((SECONDS - started))s"
    fi
    remember "$name" "$image"
}

# A build context made of the recipe folder deploy/images/DIR, the shared scripts and EXTRA... (files or
# folders copied in), so nothing outside it is sent to the engine.
# usage: staged DIR [EXTRA...]
staged() {
    local dir="$1" stage="$STAGE_DIR/$1"; shift
    rm -rf "$stage"
    mkdir -p "$stage"
    cp -a "$SCRIPT_DIR/$dir/." "$SCRIPT_DIR/common/." "$stage/"
    for extra in "$@"; do cp -a "$extra" "$stage/"; done
    echo "$stage"
}

runtime_image() {
    if [[ "$KIND" == native ]]; then
        base_image base-micro
        [[ -n "${BUILT[micro]:-}" ]] || docker_image micro "$(staged micro)" "$STAGE_DIR/micro/Dockerfile" "${BUILT[base-micro]}"
    else
        jre_image
    fi
}

jre_image() {
    base_image base-jre
    [[ -n "${BUILT[jre]:-}" ]] || docker_image jre "$(staged jre)" "$STAGE_DIR/jre/Dockerfile" "${BUILT[base-jre]}"
}

service_image() {
    local name="$1" module="$ROOT/$1-service" context runner
    runtime_image
    if [[ "$KIND" == native ]]; then
        runner="$(find "$module/target" -maxdepth 1 -name '*-runner' -type f | head -n 1)"
        [[ -n "$runner" ]] || fail "$name" "no native executable in $module/target; build with mvn package -Pnative (needs GraalVM or Mandrel 25)"
        context="$STAGE_DIR/$name-native"
        rm -rf "$context" && mkdir -p "$context"
        cp -a "$runner" "$context/"
        docker_image "$name" "$context" "$SCRIPT_DIR/service/Dockerfile.native-micro" "${BUILT[micro]}"
    else
        context="$module/target/quarkus-app"
        [[ -f "$context/quarkus-run.jar" ]] || fail "$name" "$context is missing; package first (mvn -DskipTests package)"
        docker_image "$name" "$context" "$SCRIPT_DIR/service/Dockerfile.jvm" "${BUILT[jre]}"
    fi
}

gateway_image() {
    local site="$SCRIPT_DIR/gateway/site" stage
    base_image base-infra
    [[ -d "$DASHBOARD_DIST" ]] && site="$DASHBOARD_DIST"
    stage="$(staged gateway)"
    rm -rf "$stage/site"
    cp -a "$site" "$stage/site"
    docker_image gateway "$stage" "$stage/Dockerfile" "${BUILT[base-infra]}"
}

# The broker jars, fetched as deploy/infra.sh fetches them (the same pom, the same folder).
kafka_image() {
    local libs="$SIMSWARM_STATE_DIR/kafka/libs" marker pom="$SCRIPT_DIR/../kafka/pom.xml" stage
    jre_image
    marker="$(sha256sum "$pom" | cut -d' ' -f1)"
    if [[ ! -f "$libs/.pom.sha256" || "$(<"$libs/.pom.sha256")" != "$marker" ]]; then
        info "kafka: fetching broker libraries with Maven (log: $LOG_DIR/kafka-libs.log)"
        rm -rf "$libs.tmp"
        mvn -q -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$libs.tmp" >>"$LOG_DIR/kafka-libs.log" 2>&1 ||
            fail kafka "mvn dependency:copy-dependencies failed" "$LOG_DIR/kafka-libs.log"
        echo "$marker" >"$libs.tmp/.pom.sha256"
        rm -rf "$libs" && mv "$libs.tmp" "$libs"
    fi
    stage="$(staged kafka "$SCRIPT_DIR/../kafka/server.properties.in")"
    mkdir -p "$stage/libs"
    cp -al "$libs/." "$stage/libs/" 2>/dev/null || cp -a "$libs/." "$stage/libs/"
    rm -f "$stage/libs/.pom.sha256"
    docker_image kafka "$stage" "$stage/Dockerfile" "${BUILT[jre]}"
}

infra_image() {
    local name="$1"
    base_image base-infra
    docker_image "$name" "$(staged "$name")" "$STAGE_DIR/$name/Dockerfile" "${BUILT[base-infra]}"
}

build_one() {
    case "$1" in
        provisioner | build | scheduler | results) service_image "$1" ;;
        gateway) gateway_image ;;
        kafka) kafka_image ;;
        postgres | registry) infra_image "$1" ;;
        *) echo "build.sh: unknown image $1 (images: ${ALL[*]})" >&2; exit 2 ;;
    esac
}

main() {
    case "${1:-}" in
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; return 0 ;;
    esac
    [[ "$KIND" == jvm || "$KIND" == native ]] || fail images "SIMSWARM_IMAGE_KIND must be jvm or native, not $KIND"
    mkdir -p "$LOG_DIR" "$STAGE_DIR"
    docker_engine_answers || fail images "Docker engine not answering on $DOCKER_SOCKET; run deploy/infra.sh up first"
    select_docker_cli || fail images "no docker CLI can talk to the engine"
    local started=$SECONDS names=("$@") name
    ((${#names[@]})) || names=("${ALL[@]}")
    for name in "${names[@]}"; do build_one "$name"; done
    info "images: ready after $((SECONDS - started))s (tags in $IMAGES_ENV)"
}

main "$@"
