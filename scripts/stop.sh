#!/usr/bin/env bash
# Ends exactly what scripts/serve.sh started, by the PIDs it recorded: gunicorn (docassemble),
# Redis and the PostgreSQL cluster in $DESENTRAL_SERVER.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"
server_stop
