#!/usr/bin/env bash
# Fault drill: the same campaign of examples/queueing (six runs of MM1 at some 4-8 s each, two at a time) once
# undisturbed and once per fault, each part of SimSwarm killed in turn while the campaign runs: the scheduler, the
# results service, the provisioner (SIGKILL, started again after 10-30 s), the Kafka broker (down for 60 s), a worker
# container (docker kill), and the build service while it builds the campaign's image. Prints per scenario the
# outcome, the runs run again and why, the runs whose results were stored twice, the runs lost, and the wall time
# against the undisturbed campaign measured in the same run (also written to e2e/target/fault-drill.txt).
#
# Needs deploy/infra.sh up and the toolchain image (deploy/images/toolchain.sh). It stops and starts the Kafka broker
# of deploy/infra.sh: run it when nothing else uses the machine. About 12 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -ntp -pl e2e -am verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=FaultDrill -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo
cat e2e/target/fault-drill.txt
