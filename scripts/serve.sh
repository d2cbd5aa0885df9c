#!/usr/bin/env bash
# The README's first command: serve the interview on a local docassemble server.
#
# Installs what is missing (Debian packages, the docassemble environment), keeps the server's
# state in $DESENTRAL_SERVER (default /var/lib/docassemble-desentral): its own PostgreSQL
# cluster and Redis, config with secrets generated for this machine, uploaded files, logs.
# Installs this package into the server the way docassemble's Package Management does
# (pip install --prefix of the package's ZIP), starts docassemble under gunicorn on
# 127.0.0.1, waits until it answers and prints the interview's address. Run again, it reuses
# everything and restarts only what is not running. `scripts/stop.sh` ends what it started.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"

bash "$REPO/scripts/system.sh"
VENV="$(ensure_da_venv)"
# The seal (issue 29): without a certificate of the agency's own (DESENTRAL_SEGL_SERTIFIKAT and
# DESENTRAL_SEGL_NYKEL), a test seal kept in the server's state folder, named as one.
if [ -z "${DESENTRAL_SEGL_SERTIFIKAT:-}" ]; then
    eval "$(PYTHONPATH="$REPO" "$VENV/bin/python" -m docassemble.desentral.dokument.testsegl "$S/testsegl")"
fi
server_init "$VENV"
server_install_package "$VENV"
server_start "$VENV"
echo "$DA_URL/interview?i=docassemble.desentral:data/questions/tilsett.yml"
