#!/usr/bin/env bash
# docassemble's multi-server mode on this machine (issue 18): the local server (scripts/serve.sh)
# plus a second docassemble web server on the same installation (config, PostgreSQL, Redis and
# file storage shared), behind HAProxy. Prints the load balancer's address.
#   scripts/to-tenarar.sh          start (starts the local server first if it is not running)
#   scripts/to-tenarar.sh stop     stop the second server and HAProxy (scripts/stop.sh stops all)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"

if [ "${1:-}" = stop ]; then
    to_tenarar_stop
    exit 0
fi
bash "$REPO/scripts/system.sh" --test
VENV="$(ensure_da_venv)"
if ! da_running; then
    server_init "$VENV"
    server_install_package "$VENV"
    server_start "$VENV"
fi
to_tenarar_start "$VENV"
echo "$LB_URL/interview?i=docassemble.desentral:data/questions/tilsett.yml"
