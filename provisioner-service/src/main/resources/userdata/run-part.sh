#!/usr/bin/env bash
# Runs one of the swarm parts of the user data outside EC2 (tests, or by hand against any engine):
#   run-part.sh swarm-manager.sh|swarm-worker.sh
# with the settings of common.sh and the part in the environment (DOCKER_HOST picks the engine).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"
# shellcheck disable=SC1090
source "$here/$1"
