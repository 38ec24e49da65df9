#!/usr/bin/env bash
# Benchmark of the results service: upload + parse + store of a campaign of .sca files totalling
# RUNS x SCALARS_PER_RUN scalars (default 100 x 10,000 = 1,000,000), one aggregated query over them, and a
# .vec of VECTOR_POINTS (default 1,000,000) points. Baselines measured in the same run: gunzip + untar of the
# same archives, and a plain psql \copy of the same scalar rows into an unindexed table.
#
# Needs: the built service (mvn -B -ntp -pl results-service -am package -DskipTests), PostgreSQL and Kafka up
# (deploy/infra.sh up), curl, openssl, psql. Uses the test database with a schema of its own, dropped at the end.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=$root/results-service/target/quarkus-app/quarkus-run.jar
runs=${RUNS:-100}
per_run=${SCALARS_PER_RUN:-10000}
points=${VECTOR_POINTS:-1000000}
parallel=${PARALLEL:-2}
warmup=${WARMUP_RUNS:-30}
db=${BENCH_DB:-simswarm_test}
schema=results_bench_$$
secret=bench-secret-0123456789
export PGPASSWORD=${SIMSWARM_DB_PASSWORD:-simswarm}
psql_() { psql -h 127.0.0.1 -U "${SIMSWARM_DB_USER:-simswarm}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

[[ -f $jar ]] || { echo "build the service first: mvn -B -ntp -pl results-service -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d /tmp/simswarm-bench.XXXXXX)
pid=
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    psql_ -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
# CPU seconds (user + system) used so far by a process, by every postgres process, and by the whole machine
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
cpu_postgres() {
    local sum=0 p
    for p in $(pgrep -x postgres); do sum=$(awk -v s="$sum" -v t="$(getconf CLK_TCK)" '{ printf "%.2f", s + ($14 + $15) / t }' "/proc/$p/stat" 2>/dev/null || echo "$sum"); done
    echo "$sum"
}
cpu_machine() { awk -v t="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8) / t }' /proc/stat; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "generating $runs runs x $per_run scalars and a .vec of $points points in $work"
"$here/generate.sh" "$work/data" "$runs" "$per_run" "$points"
for d in "$work"/data/runs/run-*; do tar -C "$d" -czf "$work/$(basename "$d").tar.gz" .; done
tar -C "$work/data/vec" -czf "$work/vec.tar.gz" .
echo "archives: $(du -ch "$work"/run-*.tar.gz | tail -1 | cut -f1) of scalars, $(du -h "$work/vec.tar.gz" | cut -f1) of vectors"

# shellcheck source=../../deploy/lib/common.sh
source "$root/deploy/lib/common.sh"
auth="Authorization: Bearer $(sign_token bench viewer 1)"
port=18084
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base=http://127.0.0.1:$port
SIMSWARM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SIMSWARM_RESULTS_SCHEMA=$schema \
    SIMSWARM_RESULTS_DIR="$work/store" SIMSWARM_TOKEN_SECRET=$secret SIMSWARM_RESULTS_PORT=$port \
    SIMSWARM_JWT_PUBLIC_KEY="$JWT_PUBLIC_KEY" \
    java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dmp.messaging.incoming.campaign-events.group.id="results-bench-$$" \
    -Dmp.messaging.incoming.build-requests.auto.offset.reset=latest \
    -Dmp.messaging.incoming.build-results.auto.offset.reset=latest \
    -Dmp.messaging.incoming.build-requests.group.id="results-bench-$$" \
    -Dmp.messaging.incoming.build-results.group.id="results-bench-$$" -jar "$jar" \
    >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 120); do
    curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.5
done
curl -sf "$base/q/health/ready" >/dev/null || { echo "service not ready" >&2; tail -50 "$work/service.log"; exit 1; }

token() { printf '%s' "$1:$2" | openssl dgst -sha256 -hmac "$secret" | awk '{print $NF}'; }
upload() { # campaign run archive
    local code
    code=$(curl -s -o "$work/answer-$1-$2.json" -w '%{http_code}' -H "Authorization: Bearer $(token "$1" "$2")" \
        -H 'Content-Type: application/gzip' --data-binary "@$3" "$base/campaigns/$1/runs/$2/results")
    [[ $code == 201 ]] || { echo "upload of run $2 answered $code: $(cat "$work/answer-$1-$2.json")" >&2; return 1; }
}
# upload_all CAMPAIGN COUNT: runs 0..COUNT-1 of the generated archives, PARALLEL at a time, by one curl process with
# the tokens worked out beforehand (a process per upload would take CPU from the service on a 2-core machine).
upload_all() {
    local r
    for ((r = 0; r < $2; r++)); do
        ((r == 0)) || echo next
        printf 'url = "%s"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/gzip"\n' \
            "$base/campaigns/$1/runs/$r/results" "$(token "$1" "$r")"
        printf 'data-binary = "@%s"\noutput = "%s"\nwrite-out = "%%{http_code} %%{url_effective}\\n"\n' \
            "$work/run-$r.tar.gz" "$work/answer-$1-$r.json"
    done >"$work/$1.curl"
    [[ $1 != "$campaign" ]] || mark_start
    curl -s --no-progress-meter --parallel --parallel-max "$parallel" -K "$work/$1.curl" >"$work/$1.codes"
    [[ $1 != "$campaign" ]] || mark_end
    if grep -qv '^201 ' "$work/$1.codes"; then
        grep -v '^201 ' "$work/$1.codes" | head -3 >&2
        echo "uploads of $1 were refused: $(cat "$work/answer-$1-0.json")" >&2
        exit 1
    fi
}
# CPU time of the service's threads by kind (executor, compiler, GC, ...), for BENCH_THREADS=1
threads() {
    for t in /proc/$pid/task/*; do printf '%s %s\n' "$(tr ' ' _ <"$t/comm")" "$(awk '{print $14 + $15}' "$t/stat")"; done |
        awk '{ sub(/[-#0-9_]+$/, "", $1); c[$1] += $2 } END { for (k in c) print k, c[k] }'
}
mark_start() {
    [[ -z ${BENCH_THREADS:-} ]] || threads >"$work/threads.before"
    cpu_service0=$(cpu_of "$pid"); cpu_pg0=$(cpu_postgres); cpu_all0=$(cpu_machine)
    start=$(now)
}
mark_end() {
    end=$(now)
    ingest=$(secs "$start" "$end")
    cpu_service=$(secs "$cpu_service0" "$(cpu_of "$pid")"); cpu_pg=$(secs "$cpu_pg0" "$(cpu_postgres)")
    cpu_all=$(secs "$cpu_all0" "$(cpu_machine)")
    if [[ -n ${BENCH_THREADS:-} ]]; then
        threads >"$work/threads.after"
        echo "CPU of the service's threads during the ingest (s):"
        awk 'NR == FNR { before[$1] = $2; next } { d = $2 - before[$1]; if (d > 0) printf "  %6.2f %s\n", d / 100, $1 }' \
            "$work/threads.before" "$work/threads.after" | sort -rn | head -8
    fi
}

# warm-up: a campaign of its own (JIT, connection pool), as a service that has been in use is warm
campaign=bench-$$
upload_all warmup "$warmup"
upload_all "$campaign" "$runs"
stored=$(curl -sf -H "$auth" "$base/campaigns/$campaign" | sed -E 's/.*"scalars":([0-9]+).*/\1/')

query() { curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" -H "$2" "$base/campaigns/$campaign/scalars?$1"; }
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] * 1000 }'; }
query 'aggregate=true&name=stat7:mean' 'Accept: application/json' >/dev/null
agg=$(for _ in 1 2 3 4 5; do query 'aggregate=true&name=stat7:mean' 'Accept: application/json'; done | median)
agg_rows=$(curl -s -H "$auth" "$base/campaigns/$campaign/scalars?aggregate=true&name=stat7:mean" -H 'Accept: text/csv' | tail -n +2 | wc -l)
agg_csv=$(for _ in 1 2 3; do query 'aggregate=true&name=stat7:mean' 'Accept: text/csv'; done | median)
agg_all=$(for _ in 1 2 3; do query 'aggregate=true' 'Accept: text/csv'; done | median)

start=$(now)
upload "$campaign" "$runs" "$work/vec.tar.gz"
vec=$(secs "$start" "$(now)")
key="$runs-3"
vec_data=$(curl -s -H "$auth" -o "$work/vector.csv" -w '%{time_total}' -H 'Accept: text/csv' "$base/campaigns/$campaign/vectors/$key/data")
vec_points=$(($(wc -l <"$work/vector.csv") - 1))

start=$(now)
for f in "$work"/run-*.tar.gz; do tar -xzOf "$f" >/dev/null; done
gunzip_s=$(secs "$start" "$(now)")
# a one-pass reader of the same .vec in awk (count, sum, min, max per vector; no index, nothing stored)
start=$(now)
tar -xzOf "$work/vec.tar.gz" ./Bench-vec-#0.vec | LC_ALL=C awk '
    /^[0-9]/ { v = $1; n[v]++; s[v] += $4; if (!(v in lo) || $4 < lo[v]) lo[v] = $4; if (!(v in hi) || $4 > hi[v]) hi[v] = $4 }
    END { for (v in n) printf "%s %d %g %g %g\n", v, n[v], s[v] / n[v], lo[v], hi[v] }' >/dev/null
awk_s=$(secs "$start" "$(now)")
psql_ -c "create table ${schema}_copy (run int, module text, name text, value double precision)" >/dev/null
start=$(now)
psql_ -c "\\copy ${schema}_copy from '$work/data/copy.tsv'" >/dev/null
copy_s=$(secs "$start" "$(now)")
psql_ -c "drop table ${schema}_copy" >/dev/null

cat <<REPORT

results-ingest benchmark ($(nproc) cores, $parallel parallel uploads, warm service)
  upload + parse + store of $stored scalars in $runs runs:   $ingest s   (target <= 5 s)
  CPU during the ingest: service $cpu_service s, PostgreSQL $cpu_pg s, whole machine $cpu_all s (clients, gzip, the rest)
  aggregated query, one scalar name ($agg_rows groups), JSON: $agg ms   CSV: $agg_csv ms   (target <= 50 ms)
  aggregated query over all $stored scalars, CSV:            $agg_all ms
  upload + parse of a .vec with $points points:             $vec s   (awk summary of the same .vec: $awk_s s, ratio $(awk -v a="$vec" -v b="$awk_s" 'BEGIN { printf "%.2f", a / b }'))
  data of one vector ($vec_points points) as CSV:            $(awk -v t="$vec_data" 'BEGIN { printf "%.0f", t * 1000 }') ms
baselines measured in this run
  gunzip + untar of the same archives:                       $gunzip_s s   (ingest / baseline = $(awk -v a="$ingest" -v b="$gunzip_s" 'BEGIN { printf "%.1f", a / b }'))
  psql \\copy of the same $stored rows, no index:            $copy_s s   (ingest / baseline = $(awk -v a="$ingest" -v b="$copy_s" 'BEGIN { printf "%.1f", a / b }'))
REPORT
