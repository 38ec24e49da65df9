#!/usr/bin/env bash
# Extra Docker nodes on this machine: one dockerd per network namespace, the namespaces joined by a
# bridge with its own /24. They stand in for cloud machines: a swarm formed by them is a real
# multi-node swarm (own addresses, own engines), without touching this machine's own engine.
#
#   deploy/nodes.sh up N            create N nodes (idempotent: existing ones are kept and started)
#   deploy/nodes.sh start NAME [DOCKERD-ARG...]
#                                   (re)start one node's dockerd, e.g. with --label k=v
#   deploy/nodes.sh stop NAME       stop one node's dockerd (its data is kept, like a halted machine)
#   deploy/nodes.sh lose NAME       the node vanishes, as a lost cloud machine: its link goes down first, so
#                                   nothing on it reaches anyone while its dockerd is stopped; `start`
#                                   brings it back
#   deploy/nodes.sh down            stop every dockerd, remove namespaces, bridge, veths, firewall
#                                   rule and data (idempotent)
#   deploy/nodes.sh status          one line per node: name, address, socket, dockerd state
#   deploy/nodes.sh env NAME        prints DOCKER_HOST=... and NODE_ADDR=... for that node
#
# Settings (environment):
#   SIMSWARM_NODES_PREFIX=ssn       names of namespaces (PREFIX-n1...), bridge (PREFIXbr), veths (PREFIXv1...);
#                                   at most 8 characters; different prefixes give independent sets
#   SIMSWARM_NODES_SUBNET=10.231.0  first three octets of the /24; the bridge is .1, node i is .(10+i)
#   SIMSWARM_NODES_INSECURE_REGISTRY  registry (host:port) the nodes may pull from over plain HTTP
#   SIMSWARM_STATE_DIR              state root (default ~/.local/state/simswarm); nodes live in
#                                   $SIMSWARM_STATE_DIR/nodes/PREFIX, sockets in /run/simswarm-nodes/PREFIX
# Needs root, iproute2, nsenter/unshare (util-linux), iptables, sysctl (procps) and Debian's docker.io.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

PREFIX="${SIMSWARM_NODES_PREFIX:-ssn}"
SUBNET="${SIMSWARM_NODES_SUBNET:-10.231.0}"
INSECURE_REGISTRY="${SIMSWARM_NODES_INSECURE_REGISTRY:-}"
START_TIMEOUT="${SIMSWARM_START_TIMEOUT:-90}"

NODES_DIR="$SIMSWARM_STATE_DIR/nodes/$PREFIX"
# Sockets and exec roots live on a short path: unix socket paths are limited to 108 bytes.
RUN_ROOT="/run/simswarm-nodes/$PREFIX"
BRIDGE="${PREFIX}br"

usage() {
    sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

check_prefix() {
    [[ "$PREFIX" =~ ^[a-z][a-z0-9]{0,7}$ ]] ||
        fail nodes "SIMSWARM_NODES_PREFIX must be 1-8 lowercase letters or digits, starting with a letter (got '$PREFIX')"
    [[ "$SUBNET" =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] ||
        fail nodes "SIMSWARM_NODES_SUBNET must be three octets like 10.231.0 (got '$SUBNET')"
}

netns_of() { echo "$PREFIX-$1"; }
index_of() { echo "${1#n}"; }
address_of() { echo "$SUBNET.$((10 + $(index_of "$1")))"; }
socket_of() { echo "$RUN_ROOT/$1/docker.sock"; }
pidfile_of() { echo "$RUN_ROOT/$1/docker.pid"; }
log_of() { echo "$NODES_DIR/$1/dockerd.log"; }

# Names of the nodes that exist (have a namespace), in order.
existing_nodes() {
    ip netns list 2>/dev/null | awk '{print $1}' | sed -n "s/^$PREFIX-\(n[0-9]\+\)\$/\1/p" | sort -V
}

node_answers() {
    curl -sf -m 2 --unix-socket "$(socket_of "$1")" http://localhost/_ping >/dev/null
}

ensure_bridge() {
    if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
        ip link add "$BRIDGE" type bridge
        ip addr add "$SUBNET.1/24" dev "$BRIDGE"
    fi
    ip link set "$BRIDGE" up
    # Docker sets the FORWARD policy to DROP; traffic between the nodes crosses this bridge.
    iptables -C FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null ||
        iptables -I FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT
}

ensure_namespace() {
    local node="$1" ns veth addr
    ns="$(netns_of "$node")"
    veth="${PREFIX}v$(index_of "$node")"
    addr="$(address_of "$node")"
    if ! ip netns list | awk '{print $1}' | grep -qx "$ns"; then
        ip netns add "$ns"
    fi
    if ! ip link show "$veth" >/dev/null 2>&1; then
        ip link add "$veth" type veth peer name eth0 netns "$ns"
        ip link set "$veth" master "$BRIDGE" up
        ip -n "$ns" addr add "$addr/24" dev eth0
        ip -n "$ns" link set eth0 up
        ip -n "$ns" link set lo up
    fi
    ip link set "$veth" up # a lost node's link comes back when it is started again
}

# The node drops off the network, then its dockerd stops: its containers are stopped too, but nothing
# they or the engine say on the way out reaches the swarm or this machine's services.
lose_node() {
    local node="$1"
    ip link set "${PREFIX}v$(index_of "$node")" down
    stop_node "$node" quiet
    info "$node: lost (link down, dockerd stopped)"
}

# Lets the node's task containers reach addresses outside the node (the bridge address, where this
# machine's services listen). Those containers sit on docker_gwbridge, a subnet private to the node
# (172.17.0.0/16 here, picked by dockerd when the node joins a swarm); with --iptables=false dockerd
# does not masquerade it, so their packets would leave eth0 with a source nobody can answer (this
# machine would route the replies into its own docker0). Masquerade whatever leaves eth0 with a source
# outside the nodes' /24: no need to know the gwbridge subnet in advance, and the node's own traffic
# (swarm control, VXLAN) keeps its address. The rule lives in the namespace and goes with it.
ensure_egress_nat() {
    local ns rule
    ns="$(netns_of "$1")"
    rule=(POSTROUTING -o eth0 ! -s "$SUBNET.0/24" -j MASQUERADE)
    # nsenter --net: /proc/sys/net and iptables act on the namespace of the calling process.
    nsenter "--net=/var/run/netns/$ns" sysctl -qw net.ipv4.ip_forward=1
    nsenter "--net=/var/run/netns/$ns" iptables -t nat -C "${rule[@]}" 2>/dev/null ||
        nsenter "--net=/var/run/netns/$ns" iptables -t nat -A "${rule[@]}"
}

# Starts the node's dockerd unless it answers already (or restarts it when arguments are given).
start_node() {
    local node="$1"; shift
    local ns pidfile sock log run_dir data_dir
    ns="$(netns_of "$node")"
    ip netns list | awk '{print $1}' | grep -qx "$ns" || fail nodes "no node $node (run: deploy/nodes.sh up N)"
    pidfile="$(pidfile_of "$node")"
    sock="$(socket_of "$node")"
    log="$(log_of "$node")"
    run_dir="$RUN_ROOT/$node"
    data_dir="$NODES_DIR/$node/data"
    ensure_egress_nat "$node"
    if [[ $# -eq 0 ]] && node_answers "$node"; then
        return 0
    fi
    stop_node "$node" quiet
    mkdir -p "$run_dir" "$data_dir" "$(dirname "$log")"
    local args=(--data-root "$data_dir" --exec-root "$run_dir/exec" --pidfile "$pidfile"
        -H "unix://$sock" --bridge none --iptables=false --ip-masq=false)
    [[ -z "$INSECURE_REGISTRY" ]] || args+=(--insecure-registry "$INSECURE_REGISTRY")
    # nsenter --net keeps this machine's /sys (ip netns exec would remount it and dockerd would
    # then miss the devices cgroup); unshare --uts gives the node a host name of its own.
    start_daemon "$run_dir/launcher.pid" "$log" nsenter "--net=/var/run/netns/$ns" \
        unshare --uts sh -c 'hostname "$0" && exec dockerd "$@"' "$PREFIX-$node" "${args[@]}" "$@"
    local rc=0
    wait_for "$START_TIMEOUT" "$run_dir/launcher.pid" node_answers "$node" || rc=$?
    case $rc in
        0) info "$node: dockerd answers on unix://$sock (address $(address_of "$node"))" ;;
        2) fail nodes "dockerd of $node exited during start-up" "$log" ;;
        *) fail nodes "dockerd of $node did not answer within ${START_TIMEOUT}s" "$log" ;;
    esac
}

stop_node() {
    local node="$1" quiet="${2:-}" pidfile pid i
    pidfile="$(pidfile_of "$node")"
    for pidfile in "$(pidfile_of "$node")" "$RUN_ROOT/$node/launcher.pid"; do
        pid_alive "$pidfile" dockerd || continue
        pid="$(<"$pidfile")"
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 120; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        [[ -n "$quiet" ]] || info "$node: dockerd stopped (pid $pid)"
    done
    rm -f "$(pidfile_of "$node")" "$RUN_ROOT/$node/launcher.pid"
}

# Unmounts whatever dockerd left mounted under DIR (network sandboxes, overlay layers).
unmount_under() {
    local dir="$1" mount
    awk '{print $2}' /proc/mounts | { grep -E "^$dir(/|$)" || true; } | sort -r | while read -r mount; do
        umount -l "$mount" 2>/dev/null || true
    done
}

cmd_up() {
    local count="${1:-}" i
    [[ "$count" =~ ^[1-9][0-9]*$ ]] || fail nodes "usage: deploy/nodes.sh up N (N >= 1)"
    ((count <= 50)) || fail nodes "at most 50 nodes (asked for $count)"
    command -v dockerd >/dev/null 2>&1 || apt_install nodes docker.io
    take_lock
    ensure_bridge
    for ((i = 1; i <= count; i++)); do
        ensure_namespace "n$i"
        start_node "n$i"
    done
}

cmd_down() {
    local node ns
    take_lock
    for node in $(existing_nodes); do
        stop_node "$node"
    done
    # dockerds whose namespace vanished already: their pid files are still there
    if [[ -d "$RUN_ROOT" ]]; then
        for node in "$RUN_ROOT"/*/; do
            [[ -d "$node" ]] && stop_node "$(basename "$node")"
        done
    fi
    for node in $(existing_nodes); do
        ns="$(netns_of "$node")"
        ip link del "${PREFIX}v$(index_of "$node")" 2>/dev/null || true
        ip netns del "$ns" 2>/dev/null || true
    done
    ip link del "$BRIDGE" 2>/dev/null || true
    while iptables -C FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null; do
        iptables -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT
    done
    unmount_under "$RUN_ROOT"
    unmount_under "$NODES_DIR"
    rm -rf "$RUN_ROOT" "$NODES_DIR"
    info "nodes $PREFIX: removed"
}

cmd_status() {
    local node state any=""
    for node in $(existing_nodes); do
        any=1
        if node_answers "$node"; then state=up; else state=down; fi
        printf '%-4s %-5s %-15s unix://%s\n' "$node" "$state" "$(address_of "$node")" "$(socket_of "$node")"
    done
    [[ -n "$any" ]] || info "no nodes with prefix $PREFIX"
}

cmd_env() {
    local node="${1:-}"
    [[ -n "$node" ]] || fail nodes "usage: deploy/nodes.sh env NAME"
    printf 'DOCKER_HOST=unix://%s\nNODE_ADDR=%s\n' "$(socket_of "$node")" "$(address_of "$node")"
}

main() {
    local command="${1:-}"
    [[ $# -eq 0 ]] || shift
    case "$command" in
        -h | --help | help) usage; return 0 ;;
        up | down | status | env | start | stop | lose) ;;
        *) usage >&2; return 2 ;;
    esac
    check_prefix
    [[ $EUID -eq 0 ]] || fail nodes "needs root (network namespaces, bridge, iptables)"
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    case "$command" in
        start)
            [[ $# -ge 1 ]] || fail nodes "usage: deploy/nodes.sh start NAME [DOCKERD-ARG...]"
            take_lock
            start_node "$@" ;;
        stop)
            [[ $# -eq 1 ]] || fail nodes "usage: deploy/nodes.sh stop NAME"
            take_lock
            stop_node "$1" ;;
        lose)
            [[ $# -eq 1 ]] || fail nodes "usage: deploy/nodes.sh lose NAME"
            take_lock
            lose_node "$1" ;;
        *) "cmd_$command" "$@" ;;
    esac
}

main "$@"
