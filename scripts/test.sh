#!/usr/bin/env bash
# The README's test command: installs what the tests need (Debian packages, the docassemble
# environment), starts the local docassemble server with this checkout installed in it, runs
# the tests, and stops what it started. Two tiers (issue 29):
#   scripts/test.sh         the quick tier: the rules, the interviews on docassemble's engine
#                           (documents included), and one browser smoke on the local server;
#   scripts/test.sh --alt   everything (.ci/run): also the oldest docassemble, the LaTeX path,
#                           every browser flow with the screen coverage, restarts and packages.
# Extra arguments go to pytest (e.g. `-k provetid`).
#
# The tests get a server instance of their own (its own state directory, PostgreSQL, Redis and
# port), so their users and cases never show up in the instance scripts/serve.sh serves (issue
# 13: HR's list there held test leftovers). DESENTRAL_TEST_* override where it lives.
set -euo pipefail
alt=0
if [ "${1:-}" = "--alt" ]; then alt=1; shift; fi
export DESENTRAL_SERVER="${DESENTRAL_TEST_SERVER:-/var/lib/docassemble-desentral-test}"
export DESENTRAL_PORT="${DESENTRAL_TEST_PORT:-8081}"
export DESENTRAL_PG_PORT="${DESENTRAL_TEST_PG_PORT:-5434}"
export DESENTRAL_REDIS_PORT="${DESENTRAL_TEST_REDIS_PORT:-6381}"
# A package index of the tests' own (pypiserver on 127.0.0.1), named to the test server by
# docassemble's `pip extra index urls` key: Package Management's PyPI way installs from it by
# name. An extra index, not `pip index url`: pip still builds an uploaded ZIP with setuptools
# from the machine's usual index, which this small index does not mirror.
PYPI_PORT="${DESENTRAL_TEST_PYPI_PORT:-8091}"
export DESENTRAL_PIP_EXTRA_INDEX_URLS="http://127.0.0.1:$PYPI_PORT/simple/"
# E-mail goes to an SMTP sink the reminder test starts on this port (aiosmtpd, 127.0.0.1 only).
export DESENTRAL_SMTP_PORT="${DESENTRAL_TEST_SMTP_PORT:-8025}"
# The test server lets a signer add a drawn signature (config `desentral: teikna underskrift`),
# so the browser tests reach that optional screen too; the engine tests cover it turned off.
export DESENTRAL_TEIKNA_UNDERSKRIFT=1
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"
cd "$REPO"

if [ "$alt" = 1 ]; then bash "$REPO/scripts/system.sh" --test --latex; else bash "$REPO/scripts/system.sh" --test; fi
VENV="$(ensure_da_venv)"

# Stop afterwards only what this run started.
pg_var_oppe=0; redis_var_oppe=0; da_var_oppe=0
pg_running && pg_var_oppe=1
redis_running && redis_var_oppe=1
da_running && da_var_oppe=1
rydd() {
    to_tenarar_stop
    if [ "$da_var_oppe" = 0 ]; then
        stop_pid "$S/cron-vakt.pid" "planleggjaren"
        stop_pid "$S/wsgi-vakt.pid" "WSGI-vakta"
        stop_pid "$S/celery.pid" Celery
        stop_pid "$S/gunicorn.pid" docassemble
    fi
    stop_pid "$S/pypi.pid" pypiserver
    [ "$redis_var_oppe" = 1 ] || stop_pid "$S/redis/redis.pid" Redis
    if [ "$pg_var_oppe" = 0 ] && pg_running; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -m fast -w stop >/dev/null
    fi
}
trap rydd EXIT

# The seal (issue 17): a certificate authority made for this run, whose seal certificate the
# test server's config names; the browser tests validate the seal against its CA.
eval "$(PYTHONPATH="$REPO" "$VENV/bin/python" "$REPO/tests/segltest.py" "$S/segl")"
server_init "$VENV"
# The index starts empty on every run; the PyPI test puts the builds it installs there.
stop_pid "$S/pypi.pid" pypiserver
rm -rf "$S/pypi"; mkdir -p "$S/pypi"
"$VENV/bin/pypi-server" run -v --host 127.0.0.1 --port "$PYPI_PORT" --disable-fallback \
    --authenticate . --passwords . --log-file "$S/log/pypi.log" "$S/pypi" >/dev/null 2>&1 &
echo $! > "$S/pypi.pid"
for _ in $(seq 100); do curl -fsS -o /dev/null "$DESENTRAL_PIP_EXTRA_INDEX_URLS" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "$DESENTRAL_PIP_EXTRA_INDEX_URLS" || { say "pypiserver svarar ikkje (sjå $S/log/pypi.log)"; exit 1; }
server_install_package "$VENV"
if da_running; then server_reload "$VENV"; else server_start "$VENV"; fi

export PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$REPO"
export DESENTRAL_URL="$DA_URL" DESENTRAL_API_KEY="$DA_ADMIN_API_KEY"
export DESENTRAL_PYPI_DIR="$S/pypi" DESENTRAL_PYPI_LOG="$S/log/pypi.log"

# The phases (issues 15, 29), each timed; extra arguments go to pytest in each.
#  1. the rules and the interviews on docassemble's engine, newest docassemble (Python 3.12),
#     two workers (pytest-xdist): each worker has its own engine and work folder;
#  quick tier:
#  2. the browser smoke (marked royk) on the local server;
#  full tier (--alt):
#  2. the browser tests on the local server, two at a time (each has its own users and cases;
#     pytest-xdist, whole files per worker);
#  3. the browser tests that restart the server or install packages (marked eigen_tenar), with
#     no other browser test; the screen coverage is checked over 2 and 3 together. Beside 3, in
#     the background (no server): the same as 1 on the oldest supported docassemble (1.10.0,
#     Python 3.11; the linter test left out: dayamlchecker needs Python 3.12 and reads only the
#     YAML), then the documents the LaTeX way (config `desentral: pdf: latex`, kept for one
#     release); their output is printed after 3.
declare -a fasar=() status_fasar=() tider=()
samla=0
ekstra=$#
# One phase's result: its name, pytest's exit status and its seconds.
noter() {
    local namn="$1" rc="$2"
    # pytest's 5 (no test selected) is no failure when the caller narrowed the run (-k ...).
    [ "$rc" = 5 ] && [ "$ekstra" -gt 0 ] && rc=0
    fasar+=("$namn"); status_fasar+=("$rc"); tider+=("$3")
    [ "$rc" = 0 ] || samla=1
}
fase() {
    local namn="$1"; shift
    local t0=$SECONDS rc
    say "fase: $namn"
    set +e
    "$@"
    rc=$?
    set -e
    noter "$namn" "$rc" "$((SECONDS - t0))"
}
fase "reglar og motor, docassemble 1.10.14 (Python 3.12)" \
    "$VENV/bin/python" -m pytest -p no:cacheprovider -n 2 tests/test_*.py tests/med_docassemble "$@"
if [ "$alt" = 0 ]; then
    fase "nettlesar: røyktest (arbeidstakar til forsegla avtale)" \
        "$VENV/bin/python" -m pytest -p no:cacheprovider -m royk tests/nettlesar "$@"
else
    ELDSTE="$(ensure_da_eldste_venv)"
    fase "nettlesar, to om gongen" \
        "$VENV/bin/python" -m pytest -p no:cacheprovider -n 2 --dist loadfile --durations=10 \
        -m "not eigen_tenar" tests/nettlesar "$@"
    # The engine on the oldest docassemble and the LaTeX path use no server: they run one worker
    # each, one after the other, beside the tests that restart servers and install packages,
    # which spend much of their time waiting for a server to come up (issue 29: under 30 min).
    BAKGRUNN="$(mktemp -d)"
    declare -A bakgrunnsnamn=(
        [eldste]="reglar og motor, eldste docassemble $("$ELDSTE/bin/python" -c 'import importlib.metadata as m; print(m.version("docassemble.base"))') (Python $("$ELDSTE/bin/python" -c 'import platform; print(platform.python_version())')) (ved sida av)"
        [latex]="dokumenta med LaTeX (desentral: pdf: latex) (ved sida av)")
    (
        set +e
        t0=$SECONDS
        env DESENTRAL_UTVAL=1 "$ELDSTE/bin/python" -m pytest -p no:cacheprovider tests/test_*.py tests/med_docassemble \
            --deselect tests/med_docassemble/test_lag.py::test_dayamlchecker_finn_ingenting "$@" >"$BAKGRUNN/eldste.log" 2>&1
        echo "$? $((SECONDS - t0))" >"$BAKGRUNN/eldste.rc"
        t0=$SECONDS
        env DESENTRAL_PDF_VEG=latex "$VENV/bin/python" -m pytest -p no:cacheprovider \
            tests/med_docassemble/test_dokumentform.py tests/med_docassemble/test_signering.py "$@" >"$BAKGRUNN/latex.log" 2>&1
        echo "$? $((SECONDS - t0))" >"$BAKGRUNN/latex.rc"
    ) &
    bakgrunn=$!
    # The screen coverage is required over both browser sessions (a narrowed run requires none).
    [ "$ekstra" -gt 0 ] || export DESENTRAL_SKJERMDEKNING=fortset_og_krev
    fase "nettlesar åleine: omstart av tenaren og pakkehandsaming (ZIP og PyPI)" \
        "$VENV/bin/python" -m pytest -p no:cacheprovider --durations=5 -m eigen_tenar tests/nettlesar "$@"
    wait "$bakgrunn" || true
    for del in eldste latex; do
        say "fase: ${bakgrunnsnamn[$del]}"
        cat "$BAKGRUNN/$del.log"
        read -r rc tid < "$BAKGRUNN/$del.rc" || { rc=1; tid=0; }
        noter "${bakgrunnsnamn[$del]}" "$rc" "$tid"
    done
    rm -rf "$BAKGRUNN"
fi

echo
echo "Fasar (sekund, status), $([ "$alt" = 1 ] && echo "heile testsuiten (--alt)" || echo "snøggtesten"), $SECONDS s i alt:"
for i in "${!fasar[@]}"; do
    printf '  %5s s  %s  %s\n' "${tider[$i]}" "$([ "${status_fasar[$i]}" = 0 ] && echo ok || echo "FEIL (${status_fasar[$i]})")" "${fasar[$i]}"
done
exit "$samla"
