#!/usr/bin/env bash
# The README's test command: installs what the tests need (Debian packages, the docassemble
# environment) and runs every test. Extra arguments go to pytest (e.g. `-k provetid`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO"

bash "$REPO/scripts/system.sh"
VENV="$(ensure_da_venv)"

export PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$REPO"
set +e
"$VENV/bin/python" -m pytest -p no:cacheprovider tests "$@"
status=$?
set -e
exit "$status"
