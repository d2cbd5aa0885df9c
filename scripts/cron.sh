#!/usr/bin/env bash
# docassemble's scheduled tasks on the local server (default cron_daily), the way docassemble's
# own image runs them from cron. serve.sh's server runs it once a day by itself; run it by hand
# to send HR's reminders now. DESENTRAL_SERVER picks the instance (test.sh's: its own).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"
VENV="$(ensure_da_venv)"
server_run_cron "$VENV" "${1:-cron_daily}"
