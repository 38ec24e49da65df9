#!/usr/bin/env bash
# The dashboard and its API on one local port (default 8080) for the processes mode: see serve.mjs.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ ! -f "$here/dist/index.html" ]]; then
    (cd "$here" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; } && npm run build)
fi
exec node "$here/serve.mjs"
