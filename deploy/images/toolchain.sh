#!/usr/bin/env bash
# Builds the local base image simswarm/toolchain:bookworm (Debian minbase with g++ and make)
# without pulling anything from a container registry: debootstrap fills a root file system from
# the Debian mirror this machine's apt already uses, and `docker import` turns it into an image.
# Does nothing when the image already exists. Needs a running engine (deploy/infra.sh up).
#
# Settings (environment):
#   TOOLCHAIN_SUITE=bookworm                  Debian release to bootstrap
#   TOOLCHAIN_IMAGE=simswarm/toolchain:$SUITE image name
#   TOOLCHAIN_PACKAGES=g++,make               extra packages (debootstrap --include)
#   SIMSWARM_DEBIAN_MIRROR=(from apt sources) Debian archive URL to bootstrap from
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$SCRIPT_DIR/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/debian.sh
source "$SCRIPT_DIR/lib/debian.sh"

TOOLCHAIN_SUITE="${TOOLCHAIN_SUITE:-bookworm}"
TOOLCHAIN_IMAGE="${TOOLCHAIN_IMAGE:-simswarm/toolchain:$TOOLCHAIN_SUITE}"
TOOLCHAIN_PACKAGES="${TOOLCHAIN_PACKAGES:-g++,make}"

image_size() {
    local bytes
    bytes="$(docker_cli image inspect --format '{{.Size}}' "$TOOLCHAIN_IMAGE")"
    numfmt --to=iec-i --suffix=B "$bytes"
}

main() {
    case "${1:-}" in
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; return 0 ;;
        "") ;;
        *) echo "usage: deploy/images/toolchain.sh [--help]" >&2; return 2 ;;
    esac
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    docker_engine_answers || fail toolchain "Docker engine not answering on $DOCKER_SOCKET; run deploy/infra.sh up first"
    select_docker_cli || fail toolchain "no docker CLI can talk to the engine"
    take_lock

    if docker_cli image inspect "$TOOLCHAIN_IMAGE" >/dev/null 2>&1; then
        info "toolchain: $TOOLCHAIN_IMAGE already present ($(image_size)); nothing to do"
        return 0
    fi
    bootstrap_image toolchain "$TOOLCHAIN_IMAGE" "$TOOLCHAIN_SUITE" "$TOOLCHAIN_PACKAGES"
    info "toolchain: image size $(image_size)"
}

main "$@"
