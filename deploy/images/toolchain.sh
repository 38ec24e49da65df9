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

TOOLCHAIN_SUITE="${TOOLCHAIN_SUITE:-bookworm}"
TOOLCHAIN_IMAGE="${TOOLCHAIN_IMAGE:-simswarm/toolchain:$TOOLCHAIN_SUITE}"
TOOLCHAIN_PACKAGES="${TOOLCHAIN_PACKAGES:-g++,make}"

ROOTFS_PARENT=""

# Prints the URIs of the machine's apt sources, as "URI SUITE" lines, from both the deb822
# files (*.sources: URIs:/Suites: fields) and the classic one-line format (deb [opts] URI SUITE ...).
apt_source_uris() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        # A stanza ends at a blank line; print each URI with the stanza's first suite.
        awk '
            function flush() { if (uris != "" && type ~ /(^| )deb( |$)/) { n = split(uris, u, " "); split(suites, s, " ");
                               for (i = 1; i <= n; i++) print u[i], s[1] } uris = suites = type = "" }
            /^[ \t]*$/            { flush(); next }
            /^[ \t]*#/            { next }
            tolower($1) == "types:"  { $1 = ""; type = $0 }
            tolower($1) == "uris:"   { $1 = ""; uris = $0 }
            tolower($1) == "suites:" { $1 = ""; suites = $0 }
            END { flush() }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$f" ]] || continue
        # Drop an optional [options] block, then print URI and suite of "deb" lines.
        sed -E 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" { print $2, $3 }'
    done
}

# The main Debian archive: a source whose suite is a plain Debian release name (not
# -security, -updates, -backports, nor a third-party suite) and whose URL is not a security mirror.
debian_mirror() {
    if [[ -n "${SIMSWARM_DEBIAN_MIRROR:-}" ]]; then
        echo "$SIMSWARM_DEBIAN_MIRROR"
        return 0
    fi
    apt_source_uris | awk '
        $1 !~ /security/ && $2 ~ /^(oldstable|stable|testing|unstable|sid|bullseye|bookworm|trixie|forky|duke)$/ {
            sub(/\/+$/, "", $1); print $1; exit }'
}

# Removes the temporary root file system, unmounting anything debootstrap left mounted
# inside it (proc, sys) so that rm cannot reach the host's /proc or /sys.
cleanup() {
    [[ -n "$ROOTFS_PARENT" && -d "$ROOTFS_PARENT" ]] || return 0
    local mnt
    while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done < <(awk -v root="$ROOTFS_PARENT/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$ROOTFS_PARENT"
}

image_size() {
    local bytes
    bytes="$(docker_cli image inspect --format '{{.Size}}' "$TOOLCHAIN_IMAGE")"
    numfmt --to=iec-i --suffix=B "$bytes"
}

build_image() {
    local mirror rootfs log="$LOG_DIR/toolchain-debootstrap.log" started=$SECONDS
    mirror="$(debian_mirror)"
    [[ -n "$mirror" ]] || fail toolchain "no Debian archive found in /etc/apt/sources.list{,.d}; set SIMSWARM_DEBIAN_MIRROR"
    command -v debootstrap >/dev/null 2>&1 || apt_install toolchain debootstrap

    # debootstrap fetches with wget, which ignores apt's proxy setting unless exported.
    local apt_proxy=""
    eval "$(apt-config shell apt_proxy Acquire::http::Proxy)"
    if [[ -n "$apt_proxy" && -z "${http_proxy:-}" ]]; then export http_proxy="$apt_proxy"; fi

    ROOTFS_PARENT="$(mktemp -d "${TMPDIR:-/var/tmp}/simswarm-toolchain.XXXXXX")"
    trap cleanup EXIT
    rootfs="$ROOTFS_PARENT/rootfs"

    info "toolchain: debootstrap $TOOLCHAIN_SUITE (minbase + $TOOLCHAIN_PACKAGES) from the machine's Debian mirror (log: $log)"
    debootstrap --variant=minbase --include="$TOOLCHAIN_PACKAGES" \
        "$TOOLCHAIN_SUITE" "$rootfs" "$mirror" >"$log" 2>&1 ||
        fail toolchain "debootstrap failed" "$log"
    info "toolchain: root file system ready after $((SECONDS - started))s ($(du -sh --one-file-system "$rootfs" | cut -f1))"

    # Package caches are not needed in the image.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

    info "toolchain: importing into the engine as $TOOLCHAIN_IMAGE"
    tar -C "$rootfs" --numeric-owner -c . |
        docker_cli import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENV LANG=C.UTF-8' \
            --change 'CMD ["/bin/bash"]' \
            --change "LABEL io.simswarm.image=toolchain io.simswarm.suite=$TOOLCHAIN_SUITE" \
            - "$TOOLCHAIN_IMAGE" >>"$log" 2>&1 ||
        fail toolchain "docker import failed" "$log"
    cleanup
    info "toolchain: built $TOOLCHAIN_IMAGE in $((SECONDS - started))s"
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
    build_image
    info "toolchain: image size $(image_size)"
}

main "$@"
