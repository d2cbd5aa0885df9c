#!/usr/bin/env bash
# Load test (issue 18; on demand, not in CI): Locust's users (scripts/lastfil.py) against the
# local server (scripts/serve.sh), at 1, 5, 10, 20 and 40 concurrent users, first on one
# docassemble web server, then on two behind HAProxy (scripts/to-tenarar.sh); the server's
# memory is sampled meanwhile. Writes docs/load.md and docs/load.png (scripts/last_rapport.py).
#   LAST_TID (default 90s) per level, LAST_NIVA (default "1 5 10 20 40"), LAST_MODUS (default
#   "ein to": one server, then two), LAST_PROFIL (a number of users: that level on one server is
#   also profiled with py-spy, summed up in docs/load-profil.md by scripts/last_profil.py).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$REPO/scripts/server-lib.sh"

VENV="$(ensure_da_venv)"
LAST="$DESENTRAL_HOME/venv-last"
krav="locust==2.47.0 matplotlib==3.11.2 beautifulsoup4 psutil pyyaml py-spy==0.4.3"
if [ ! -f "$LAST/.stamp" ] || [ "$(cat "$LAST/.stamp")" != "$krav" ]; then
    say "lagar Python-miljøet for lasttesten i $LAST"
    rm -rf "$LAST"
    "$(python312)" -m venv "$LAST"
    "$VENV/bin/uv" pip install -q --python "$LAST/bin/python" $krav >&2
    echo "$krav" > "$LAST/.stamp"
fi
da_running || { server_init "$VENV"; server_install_package "$VENV"; server_start "$VENV"; }
server_secrets
export DESENTRAL_API_KEY="$DA_ADMIN_API_KEY"
UT="$S/last/$(date +%Y%m%d-%H%M)"
tid_s="${LAST_TID:-90s}"; tid_s="${tid_s%s}"  # LAST_TID in seconds («90s»)
mkdir -p "$UT"
for modus in ${LAST_MODUS:-ein to}; do
    if [ "$modus" = to ]; then to_tenarar_start "$VENV"; url="$LB_URL"; else to_tenarar_stop; url="$DA_URL"; fi
    for n in ${LAST_NIVA:-1 5 10 20 40}; do
        say "last: $modus tenar(ar), $n brukarar, ${LAST_TID:-90s}"
        "$LAST/bin/python" "$REPO/scripts/last_rapport.py" minne "$S" "$UT/$modus-$n-minne.json" &
        minne=$!
        profil=""
        if [ "$modus" = ein ] && [ "${LAST_PROFIL:-}" = "$n" ]; then
            # The gunicorn workers (the master's children) while Locust runs, idle threads left out.
            "$LAST/bin/py-spy" record --pid "$(cat "$S/gunicorn.pid")" --subprocesses --format raw --rate 50 \
                --duration "$(( ${tid_s} - 5 ))" --nonblocking -o "$UT/profil-$n.txt" >"$UT/profil-$n.log" 2>&1 &
            profil=$!
        fi
        "$LAST/bin/locust" -f "$REPO/scripts/lastfil.py" --headless -u "$n" -r "$n" -t "${LAST_TID:-90s}" \
            --host "$url" --csv "$UT/$modus-$n" --only-summary --stop-timeout 60 >"$UT/$modus-$n.log" 2>&1 || true
        kill "$minne"; wait "$minne" 2>/dev/null || true
        if [ -n "$profil" ]; then
            wait "$profil" || true
            "$LAST/bin/python" "$REPO/scripts/last_profil.py" "$UT/profil-$n.txt" "$REPO/docs/load-profil.md" "$n"
            profil=""
        fi
    done
done
to_tenarar_stop
"$LAST/bin/python" "$REPO/scripts/last_rapport.py" rapport "$UT" "$REPO/docs"
