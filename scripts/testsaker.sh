#!/usr/bin/env bash
# Generated cases in the local server's storage (scripts/testsaker.py): `lag 5000` writes them,
# `fjern` removes them. Test data for measuring HR's list and overview; DESENTRAL_SERVER picks
# the instance (test.sh's: its own).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"
VENV="$(ensure_da_venv)"
(server_env "$VENV"; cd "$S/tmp" && "$VENV/bin/python" "$REPO/scripts/testsaker.py" "$@")
