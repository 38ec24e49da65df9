#!/usr/bin/env bash
# Longest-expected-first dispatch: campaign wall time with and without it, on 24 runs (examples/queueing MMc) whose
# times vary tenfold (150-1500 ms, in an order unrelated to the run numbers), three workers. The scheduler is the
# real one (REST, PostgreSQL, leases, expansion in Docker); the workers are threads of the benchmark that speak the
# pilot protocol and sleep each run's time (scheduler-service LongestFirstBenchmark). A first campaign teaches the
# scheduler the durations; then campaigns alternate: without (expected durations erased: run-number order) and with.
# Prints the wall times, the lower bound max(total / workers, longest run) and the ratio of the medians.
#
# Needs deploy/infra.sh up and the toolchain image (deploy/images/toolchain.sh); uses Docker: run it under
# flock /tmp/simswarm-heavy.lock. Set SIMSWARM_TEST_DB_URL to a test database of your own. About 3-5 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp)"
status=0
mvn -B -ntp -pl scheduler-service -am verify -Dtest=LongestFirstBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false "$@" >"$log" 2>&1 || status=$?
grep -A5 '^longest-first benchmark' "$log" || tail -40 "$log"
rm -f "$log"
exit "$status"
