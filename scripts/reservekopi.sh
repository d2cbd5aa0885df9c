#!/usr/bin/env bash
# Backup and restore of a local docassemble server (issue 18): what a server's sessions and cases
# live in — the PostgreSQL database (sessions, users, cases and kept documents in DAStore), the
# file storage ($S/filer: uploaded and assembled files) and hemmeleg.env (the secret key the
# stored answers are encrypted with, and the database password). Without the secret key a
# restored database cannot be read.
#   scripts/reservekopi.sh lag  MAPPE   back up the server in $DESENTRAL_SERVER (it keeps running)
#   scripts/reservekopi.sh hent MAPPE   restore into $DESENTRAL_SERVER (a new, empty directory;
#                                       its own ports from DESENTRAL_PORT, _PG_PORT, _REDIS_PORT)
#                                       and start it there
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"

kva="${1:-}"; mappe="${2:-}"
[ -n "$kva" ] && [ -n "$mappe" ] || { say "bruk: reservekopi.sh lag|hent MAPPE"; exit 2; }

case "$kva" in
lag)
    server_secrets
    mkdir -p "$mappe"; chmod 700 "$mappe"
    PGPASSWORD="$DA_DB_PASSWORD" "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U docassemble -Fc \
        -f "$mappe/docassemble.dump" docassemble
    tar -C "$S" -czf "$mappe/filer.tar.gz" filer
    install -m 600 "$S/hemmeleg.env" "$mappe/hemmeleg.env"
    say "reservekopi av $S i $mappe"
    ;;
hent)
    for f in docassemble.dump filer.tar.gz hemmeleg.env; do
        [ -f "$mappe/$f" ] || { say "manglar $mappe/$f"; exit 1; }
    done
    if [ -e "$S/pg/data/PG_VERSION" ] || [ -n "$(ls -A "$S/filer" 2>/dev/null)" ]; then
        say "$S er ikkje tom: hentar ikkje inn over ein tenar som finst"; exit 1
    fi
    bash "$REPO/scripts/system.sh" --test
    VENV="$(ensure_da_venv)"
    mkdir -p "$S"
    install -m 600 "$mappe/hemmeleg.env" "$S/hemmeleg.env"
    server_init "$VENV"
    # The dump replaces the fresh tables server_init made.
    PGPASSWORD="$DA_DB_PASSWORD" "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U docassemble \
        --clean --if-exists --no-owner -d docassemble "$mappe/docassemble.dump"
    tar -C "$S" -xzf "$mappe/filer.tar.gz"
    server_install_package "$VENV"
    server_start "$VENV"
    say "henta inn i $S: $DA_URL"
    ;;
*)
    say "bruk: reservekopi.sh lag|hent MAPPE"; exit 2
    ;;
esac
