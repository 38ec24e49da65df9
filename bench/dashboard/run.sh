#!/usr/bin/env bash
# How long the dashboard's campaign page and runs page take to load for a campaign of 10,000 runs, against the
# same pages of a 10-run campaign measured in the same run (the baseline), in Debian's chromium.
#
# Starts its own scheduler-service (packaged first unless BENCH_SKIP_PACKAGE=1 and it exists) on BENCH_PORT, on
# the database BENCH_DB_URL, in Kafka consumer groups of its own (it takes no other service's events), and
# dashboard/serve.mjs in front of it; writes the two campaigns and their runs straight into the scheduler's
# tables (as ended campaigns, which no scheduler looks after) and deletes them at the end.
#
# Settings (environment):
#   BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/simswarm   database of the scheduler started here
#   BENCH_PORT=18183 (scheduler), BENCH_DASHBOARD_PORT=18180 (serve.mjs)
#   BENCH_RUNS=10000, BENCH_LOADS=7 (page loads measured per page; the median is printed)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
db_url=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/simswarm}
port=${BENCH_PORT:-18183}
dashboard_port=${BENCH_DASHBOARD_PORT:-18180}
runs=${BENCH_RUNS:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/simswarm-bench-dashboard.XXXXXX")
big=$(cat /proc/sys/kernel/random/uuid)
small=$(cat /proc/sys/kernel/random/uuid)
pids=()

psql_db() { # psql on the database of db_url as simswarm
    local rest=${db_url#jdbc:postgresql://}
    PGPASSWORD=${SIMSWARM_DB_PASSWORD:-simswarm} psql -X -q -v ON_ERROR_STOP=1 -h "${rest%%:*}" \
        -p "$(echo "$rest" | sed 's/^[^:]*:\([0-9]*\).*/\1/')" -U "${SIMSWARM_DB_USER:-simswarm}" -d "${rest##*/}" "$@"
}

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    psql_db -c "delete from scheduler.campaign where id in ('$big', '$small')" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

app="$root/scheduler-service/target/quarkus-app/quarkus-run.jar"
if [[ "${BENCH_SKIP_PACKAGE:-0}" != 1 || ! -f "$app" ]]; then
    echo "packaging scheduler-service and the dashboard (mvn package -DskipTests)"
    (cd "$root" && mvn -B -ntp -q -pl scheduler-service,dashboard -am package -DskipTests)
fi
SIMSWARM_DB_URL=$db_url SIMSWARM_SCHEDULER_PORT=$port \
MP_MESSAGING_INCOMING_BUILD_RESULTS_GROUP_ID="scheduler-bench-$$" \
MP_MESSAGING_INCOMING_RESULTS_STORED_GROUP_ID="scheduler-bench-$$" \
    java -jar "$app" >"$work/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/scheduler.log"; echo "scheduler-service did not start" >&2; exit 1; }
    sleep 0.5
done

# Two ended campaigns: $runs runs and 10 runs, on 16 nodes, 5 % failed, with start and end times.
for campaign in "$big:$runs" "$small:10"; do
    psql_db <<SQL
insert into scheduler.campaign (id, cluster, repo_url, config, run_command, max_parallel, retries,
    run_timeout_seconds, cpus_per_run, status, commit_sha, image, total_runs, submitted_at, started_at, finished_at)
values ('${campaign%%:*}', 'local', 'file:///bench/dashboard', 'MMc', './queueing', 64, 0, 0, 1, 'SUCCEEDED',
    '0123456789abcdef0123456789abcdef01234567', 'bench/queueing:latest', ${campaign##*:},
    now() - interval '2 hours', now() - interval '2 hours', now());
insert into scheduler.run (campaign_id, run_number, state, attempts, node, exit_code, started_at, finished_at,
    duration_ms, error)
select '${campaign%%:*}', n, case when n % 20 = 7 then 'FAILED' else 'SUCCEEDED' end, 1, 'node-' || (n % 16),
    case when n % 20 = 7 then 1 else 0 end,
    now() - interval '2 hours' + (n / 16) * interval '11 seconds',
    now() - interval '2 hours' + (n / 16) * interval '11 seconds' + interval '10 seconds', 10000 + n % 997,
    case when n % 20 = 7 then 'exit code 1' end
from generate_series(0, ${campaign##*:} - 1) as n;
SQL
done

SIMSWARM_DASHBOARD_PORT=$dashboard_port SIMSWARM_SCHEDULER_URL="http://127.0.0.1:$port" \
    node "$root/dashboard/serve.mjs" >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$dashboard_port/" >/dev/null 2>&1 && break; sleep 0.25; done

cd "$root/dashboard"
DASHBOARD_URL="http://127.0.0.1:$dashboard_port" BIG=$big SMALL=$small RUNS=$runs LOADS=${BENCH_LOADS:-7} \
    node "$here/measure.mjs"
