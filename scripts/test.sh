#!/usr/bin/env bash
# The README's test command: installs what the tests need (Debian packages, the docassemble
# environment), starts the local docassemble server with this checkout installed in it, runs
# every test (rules, the interview on docassemble's engine, the browser tests), and stops
# what it started. Extra arguments go to pytest (e.g. `-k provetid`).
#
# The tests get a server instance of their own (its own state directory, PostgreSQL, Redis and
# port), so their users and cases never show up in the instance scripts/serve.sh serves (issue
# 13: HR's list there held test leftovers). DESENTRAL_TEST_* override where it lives.
set -euo pipefail
export DESENTRAL_SERVER="${DESENTRAL_TEST_SERVER:-/var/lib/docassemble-desentral-test}"
export DESENTRAL_PORT="${DESENTRAL_TEST_PORT:-8081}"
export DESENTRAL_PG_PORT="${DESENTRAL_TEST_PG_PORT:-5434}"
export DESENTRAL_REDIS_PORT="${DESENTRAL_TEST_REDIS_PORT:-6381}"
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"
cd "$REPO"

bash "$REPO/scripts/system.sh"
VENV="$(ensure_da_venv)"

# Stop afterwards only what this run started.
pg_var_oppe=0; redis_var_oppe=0; da_var_oppe=0
pg_running && pg_var_oppe=1
redis_running && redis_var_oppe=1
da_running && da_var_oppe=1
rydd() {
    if [ "$da_var_oppe" = 0 ]; then
        stop_pid "$S/wsgi-vakt.pid" "WSGI-vakta"
        stop_pid "$S/celery.pid" Celery
        stop_pid "$S/gunicorn.pid" docassemble
    fi
    [ "$redis_var_oppe" = 1 ] || stop_pid "$S/redis/redis.pid" Redis
    if [ "$pg_var_oppe" = 0 ] && pg_running; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -m fast -w stop >/dev/null
    fi
}
trap rydd EXIT

server_init "$VENV"
server_install_package "$VENV"
if da_running; then server_reload "$VENV"; else server_start "$VENV"; fi

export PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$REPO"
export DESENTRAL_URL="$DA_URL" DESENTRAL_API_KEY="$DA_ADMIN_API_KEY"
set +e
"$VENV/bin/python" -m pytest -p no:cacheprovider tests "$@"
status=$?
set -e
exit "$status"
