#!/usr/bin/env bash
# Runs every test of SimSwarm on real infrastructure: brings up the Docker engine (swarm mode),
# PostgreSQL, Kafka, moto and the local registry, builds the toolchain base image, runs the example
# simulation's own tests, then `mvn verify` over all modules. (deploy/stack-test.sh, the end-to-end test of
# the swarm stack, is run on its own: README, *SimSwarm as a swarm stack*.)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

step() { printf '\n==> %s\n' "$*"; }

step "infrastructure"
"$here/infra.sh" up
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$here/lib/common.sh"
ensure_build_tools

step "browser for the dashboard's end-to-end test (Debian's chromium)"
if [[ ! -x /usr/bin/chromium ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

step "services of the quickstart"
# They share the Kafka topics with the tests and would answer the tests' events; stop them first.
"$here/quickstart.sh" --processes stop

step "toolchain base image"
"$here/images/toolchain.sh"

step "example simulation (examples/queueing)"
"$root/examples/queueing/tests/run-tests.sh"

step "maven verify"
cd "$root"
mvn -B -ntp verify "$@"

