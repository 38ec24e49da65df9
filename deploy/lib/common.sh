# shellcheck shell=bash
# Helpers shared by the scripts under deploy/. Source it; it does not run anything by itself.

# Where every local component keeps its state (pid files, logs, data).
SIMSWARM_STATE_DIR="${SIMSWARM_STATE_DIR:-$HOME/.local/state/simswarm}"
# shellcheck disable=SC2034 # used by the scripts that source this file
LOG_DIR="$SIMSWARM_STATE_DIR/logs"
# shellcheck disable=SC2034
RUN_DIR="$SIMSWARM_STATE_DIR/run"

# Unix socket of the Docker engine used by every script (the engine's default location).
DOCKER_SOCKET="${DOCKER_SOCKET:-/var/run/docker.sock}"
export DOCKER_HOST="unix://$DOCKER_SOCKET"

# ---------------------------------------------------------------------------------------------
# Messages

info() { printf '%s\n' "$*"; }

# Prints one line naming the component and its log, then the log's last lines for context.
# usage: fail COMPONENT MESSAGE [LOGFILE]
fail() {
    local component="$1" message="$2" logfile="${3:-}"
    if [[ -n "$logfile" ]]; then
        printf 'ERROR %s: %s (log: %s)\n' "$component" "$message" "$logfile" >&2
        if [[ -s "$logfile" ]]; then
            printf -- '--- last lines of %s ---\n' "$logfile" >&2
            tail -n 15 "$logfile" | sed 's/^/    /' >&2
        fi
    else
        printf 'ERROR %s: %s\n' "$component" "$message" >&2
    fi
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Debian packages

# Installs Debian packages that are missing. Service start-up by maintainer scripts is blocked
# (policy-rc.d exit 101): there is no init system here, and we start the daemons ourselves with
# our own configuration. An existing policy-rc.d is left as it is.
# usage: apt_install COMPONENT PACKAGE...
apt_install() {
    local component="$1"; shift
    local log="$LOG_DIR/apt.log" policy=/usr/sbin/policy-rc.d created_policy=""
    [[ $EUID -eq 0 ]] || fail "$component" "package(s) $* missing and not running as root to install them"
    info "$component: installing Debian package(s) $* (log: $log)"
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\n# temporary: keep package scripts from starting services\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        created_policy=1
    fi
    local rc=0
    {
        apt-get update -q || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
    } >>"$log" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        # A maintainer script that still tried to start a service may leave the package
        # half-configured; finishing the configuration is usually enough.
        if DEBIAN_FRONTEND=noninteractive dpkg --configure -a >>"$log" 2>&1; then rc=0; fi
    fi
    if [[ -n "$created_policy" ]]; then rm -f "$policy"; fi
    [[ $rc -eq 0 ]] || fail "$component" "apt-get install $* failed" "$log"
}

# Makes sure what building SimSwarm needs besides Java and Maven is there: gcc, make and the
# static C libraries the runner links (libc.a from libc6-dev, libz.a from zlib1g-dev), and git.
ensure_build_tools() {
    local missing=() package
    for package in gcc make libc6-dev zlib1g-dev git; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
    done
    if ((${#missing[@]} > 0)); then
        mkdir -p "$LOG_DIR"
        apt_install build "${missing[@]}"
    fi
}

# ---------------------------------------------------------------------------------------------
# Processes started in the background

# True if the pid file names a live process whose command line contains MARKER
# (guards against a pid that was reused by an unrelated process).
# usage: pid_alive PIDFILE MARKER
pid_alive() {
    local pidfile="$1" marker="$2" pid
    [[ -s "$pidfile" ]] || return 1
    pid="$(<"$pidfile")"
    [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker"
}

# Serialises runs that start or stop things. The lock lives on file descriptor 9, which
# start_daemon closes so that daemons do not keep holding it.
take_lock() {
    local lockfile="$SIMSWARM_STATE_DIR/.lock"
    exec 9>"$lockfile"
    if ! flock -n 9; then
        info "waiting for another run of the deploy scripts to finish (lock: $lockfile)"
        flock -w 600 9 || fail lock "another run still holds $lockfile after 600s"
    fi
}

# Starts a command detached from this shell (own session, stdin closed, output to LOGFILE)
# and writes its pid. setsid does not fork here (a script's background job is not a process
# group leader), so $! is the daemon itself.
# usage: start_daemon PIDFILE LOGFILE CMD...
start_daemon() {
    local pidfile="$1" logfile="$2"; shift 2
    printf '\n=== %s starting: %s\n' "$(date '+%F %T')" "$*" >>"$logfile"
    setsid "$@" </dev/null >>"$logfile" 2>&1 9>&- &
    echo $! >"$pidfile"
}

# Sends SIGTERM, waits up to TIMEOUT seconds, then SIGKILL. Removes the pid file.
# usage: stop_daemon NAME PIDFILE MARKER TIMEOUT
stop_daemon() {
    local name="$1" pidfile="$2" marker="$3" timeout="$4" pid i
    if ! pid_alive "$pidfile" "$marker"; then
        info "$name: nothing to stop (no process started by infra.sh is running)"
        rm -f "$pidfile"
        return 0
    fi
    pid="$(<"$pidfile")"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 4; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
        info "$name: still running after ${timeout}s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
    info "$name: stopped (pid $pid)"
}

# True if process PID exists and is not a zombie. Used right after start_daemon, when the
# child may not have exec'd its command yet (so pid_alive's marker would not match).
proc_running() {
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != Z ]]
}

# Polls CHECK... every 0.25 s until it succeeds (0), the process in PIDFILE dies (2)
# or TIMEOUT seconds pass (1). PIDFILE may be empty to skip the liveness check.
# usage: wait_for TIMEOUT PIDFILE CHECK...
wait_for() {
    local timeout="$1" pidfile="$2"; shift 2
    local deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        "$@" >/dev/null 2>&1 && return 0
        if [[ -n "$pidfile" ]] && ! proc_running "$(cat "$pidfile" 2>/dev/null)"; then
            "$@" >/dev/null 2>&1 && return 0
            return 2
        fi
        sleep 0.25
    done
    return 1
}

# True if something accepts TCP connections on HOST PORT.
port_open() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# True if an HTTP server answers URL at all (any status code).
http_answers() {
    local code
    code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" || return 1
    [[ "$code" != "000" ]]
}

# ---------------------------------------------------------------------------------------------
# Docker

# True if the engine answers on its socket (independent of which CLI is installed).
docker_engine_answers() {
    [[ -S "$DOCKER_SOCKET" ]] &&
        curl -sf -m 2 --unix-socket "$DOCKER_SOCKET" http://localhost/_ping >/dev/null
}

# Picks the docker CLI that actually works against the running engine and sets DOCKER_CLI.
# Debian's docker.io brings a 20.10 CLI (/usr/bin/docker) matching its engine (API 1.41); it is
# preferred. A newer CLI earlier on PATH (e.g. 28.x in /usr/local/bin) also works: it negotiates
# the API down to 1.41 ("downgraded from 1.50"); run, import, push, swarm init and replicated-job
# services behave the same with both. SIMSWARM_DOCKER_CLI forces a choice.
select_docker_cli() {
    local candidate
    if [[ -n "${SIMSWARM_DOCKER_CLI:-}" ]]; then
        DOCKER_CLI="$SIMSWARM_DOCKER_CLI"
        return 0
    fi
    for candidate in /usr/bin/docker "$(command -v docker || true)"; do
        [[ -n "$candidate" && -x "$candidate" ]] || continue
        if "$candidate" version --format '{{.Server.Version}}' >/dev/null 2>&1; then
            DOCKER_CLI="$candidate"
            return 0
        fi
    done
    return 1
}

docker_cli() { "$DOCKER_CLI" "$@"; }

# The key pair of the bearer tokens: the provisioner signs with the private key, every service verifies with the
# public one. Made once under the state folder; prints nothing.
JWT_PRIVATE_KEY="$SIMSWARM_STATE_DIR/secrets/jwt-private.pem"
JWT_PUBLIC_KEY="$SIMSWARM_STATE_DIR/secrets/jwt-public.pem"
ensure_jwt_keys() {
    if [[ ! -s "$JWT_PRIVATE_KEY" || ! -s "$JWT_PUBLIC_KEY" ]]; then
        (umask 077 && mkdir -p "$(dirname "$JWT_PRIVATE_KEY")" \
            && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_PRIVATE_KEY" 2>/dev/null \
            && openssl pkey -in "$JWT_PRIVATE_KEY" -pubout -out "$JWT_PUBLIC_KEY")
    fi
}

# Prints a bearer token (RS256, issuer simswarm) signed with the local private key, as POST /tokens would issue.
# usage: sign_token NAME ROLE DAYS
sign_token() {
    local name="$1" role="$2" days="$3" now header payload signature
    ensure_jwt_keys
    now=$(date +%s)
    b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
    header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
    payload=$(printf '{"iss":"simswarm","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
        "$name" "$name" "$role" "$now" $((now + days * 86400)) | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$JWT_PRIVATE_KEY" | b64url)
    printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}
