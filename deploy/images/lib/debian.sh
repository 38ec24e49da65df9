# shellcheck shell=bash
# Building Debian base images without pulling anything: debootstrap fills a root file system from the
# Debian mirror this machine's apt already uses, and `docker import` turns it into an image. Source it
# after deploy/lib/common.sh (it uses info, fail, apt_install, docker_cli and LOG_DIR).

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

# Prints a short hash of the arguments: images are tagged with the hash of what they are made of, so
# each content is built once and a changed recipe gives a new tag.
content_hash() {
    printf '%s\n' "$@" | sha256sum | cut -c1-12
}

# True if IMAGE exists in the engine.
image_present() {
    docker_cli image inspect "$1" >/dev/null 2>&1
}

# Bootstraps Debian SUITE (minbase plus PACKAGES, comma-separated) and imports it as IMAGE, labelled
# io.simswarm.image=KIND. Downloaded packages are kept in $SIMSWARM_STATE_DIR/debootstrap-cache, so a
# second image or a rebuild fetches nothing twice.
# usage: bootstrap_image KIND IMAGE SUITE PACKAGES
bootstrap_image() {
    local kind="$1" image="$2" suite="$3" packages="$4"
    local mirror rootfs log="$LOG_DIR/$kind-debootstrap.log" started=$SECONDS
    local cache="$SIMSWARM_STATE_DIR/debootstrap-cache/$suite"
    mirror="$(debian_mirror)"
    [[ -n "$mirror" ]] || fail "$kind" "no Debian archive found in /etc/apt/sources.list{,.d}; set SIMSWARM_DEBIAN_MIRROR"
    command -v debootstrap >/dev/null 2>&1 || apt_install "$kind" debootstrap

    # debootstrap fetches with wget, which ignores apt's proxy setting unless exported.
    local apt_proxy=""
    eval "$(apt-config shell apt_proxy Acquire::http::Proxy)"
    if [[ -n "$apt_proxy" && -z "${http_proxy:-}" ]]; then export http_proxy="$apt_proxy"; fi

    ROOTFS_PARENT="$(mktemp -d "${TMPDIR:-/var/tmp}/simswarm-$kind.XXXXXX")"
    trap cleanup EXIT
    rootfs="$ROOTFS_PARENT/rootfs"
    mkdir -p "$cache"

    info "$kind: debootstrap $suite (minbase + $packages) from the machine's Debian mirror (log: $log)"
    debootstrap --variant=minbase --cache-dir="$cache" --include="$packages" \
        "$suite" "$rootfs" "$mirror" >"$log" 2>&1 ||
        fail "$kind" "debootstrap failed" "$log"
    info "$kind: root file system ready after $((SECONDS - started))s ($(du -sh --one-file-system "$rootfs" | cut -f1))"

    # Package caches are not needed in the image.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

    info "$kind: importing into the engine as $image"
    tar -C "$rootfs" --numeric-owner -c . |
        docker_cli import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENV LANG=C.UTF-8' \
            --change 'CMD ["/bin/bash"]' \
            --change "LABEL io.simswarm.image=$kind io.simswarm.suite=$suite" \
            - "$image" >>"$log" 2>&1 ||
        fail "$kind" "docker import failed" "$log"
    cleanup
    info "$kind: built $image in $((SECONDS - started))s"
}
