#!/usr/bin/env bash
# SimSwarm at scale: one campaign of RUNS (default 10,000) trivial runs of examples/queueing (config Quick) on the
# local one-node swarm, through the scheduler and the real results service, after warm-up campaigns. Prints the
# time from submission to the runs being known and to SUCCEEDED, the CPU per run of the scheduler, the results
# service, PostgreSQL, Kafka, the Docker engine and the machine over the first and the last thousand runs, the
# services' heap after the campaign, and the time of the paged run list and of the aggregated query at the end.
#
# Needs deploy/infra.sh up. Usage: bench/scale/run.sh [--warm-up N]   (RUNS=10000 in the environment)
# It is the --scale mode of bench/campaign-efficiency (same services, same image, same CPU meter).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../campaign-efficiency/run.sh" --scale "${RUNS:-10000}" "$@"
