#!/usr/bin/env bash
# The README's test command: installs what the tests need and runs every test.
# Extra arguments go to pytest (e.g. `scripts/test.sh -k provetid`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO"

VENV="$(ensure_venv test "$REPO/tests/requirements.txt")"

export PYTHONDONTWRITEBYTECODE=1
set +e
"$VENV/bin/python" -m pytest -p no:cacheprovider tests "$@"
status=$?
set -e
exit "$status"
