#!/usr/bin/env bash
# Campaign efficiency on the local one-node swarm: the same runs of examples/queueing
#   (a) through SimSwarm (the scheduler's pilot workers; scheduler and results side running), and the two
#       other ways of dispatching them as Swarm jobs (one task per run picked by the task slot; several runs
#       packed per task), each with the runner in the built image,
#   (b) with xargs -P2 inside one container of the same image (simulation + tar.gz of its result folder),
# for runs of about 2 s, about 0.2 s and trivial runs; prints a/b and the dispatch rate. For trivial runs it also
# times the bare simulations (xargs -P2, nothing packed): the most any dispatcher could reach on this machine.
#
# Needs deploy/infra.sh up. Usage: bench/campaign-efficiency/run.sh [--quick] [--scenarios 2s,0.2s,trivial] [--keep] [--pilot-only] [--warm-up N] [--scale RUNS]
#   --quick      fewer runs per scenario (a smoke test of the bench, figures are noisier)
#   --scenarios  which scenarios to run (default all three)
#   --keep       keep the scheduler's tables (schema scheduler_bench in simswarm_test) for a look afterwards
#   --pilot-only only the baseline and the pilot campaign (not the slot and packed ways)
#   --warm-up N  at most N warm-up campaigns before measuring (default 15; they stop earlier once the services
#                are warm, see CampaignEfficiency.warmUp)
#   --scale RUNS one campaign of RUNS trivial runs instead of the scenarios (bench/scale/run.sh)
# Environment: BENCH_JAVA_OPTS (extra JVM options of the two services), BENCH_JFR=1 (a flight recording of each,
#   in scheduler-service/target/bench/)
# The image is examples/queueing on simswarm/toolchain:bookworm plus the runner of the simswarm-runner module.
# The results side is the real results service (results-service/target/quarkus-app/quarkus-run.jar, built here;
# RESULTS_JAR=none uses the scheduler tests' upload stand-in instead, and the output says which).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

echo "== building the scheduler and the results service (jars and test classes)" >&2
# package and the test classpath in one reactor run, so sibling modules resolve without being installed
mvn -B -ntp -q -pl scheduler-service,results-service -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat "$root/scheduler-service/target/bench-classpath.txt")"

results_jar="${RESULTS_JAR:-$root/results-service/target/quarkus-app/quarkus-run.jar}"
cd "$root/scheduler-service"   # the fixture image is built from ../examples/queueing
exec java -Xmx1g -cp "$cp" "$here/CampaignEfficiency.java" \
    --scheduler-jar target/quarkus-app/quarkus-run.jar \
    --results-jar "$results_jar" "$@"
