# The local docassemble server (docassemble-notes.md: "Running the real server without
# Docker"). Sourced after lib.sh by serve.sh, stop.sh and test.sh.

DESENTRAL_SERVER="${DESENTRAL_SERVER:-/var/lib/docassemble-desentral}"
DA_PORT="${DESENTRAL_PORT:-8080}"
PG_PORT="${DESENTRAL_PG_PORT:-5433}"
REDIS_PORT="${DESENTRAL_REDIS_PORT:-6380}"
# Who may register on the local server: e-mail addresses in this domain (the tests' users and
# the administrator are @example.com). An agency sets its own domain, or closes registration.
DESENTRAL_EPOSTDOMENE="${DESENTRAL_EPOSTDOMENE:-example.com}"
DA_URL="http://127.0.0.1:$DA_PORT"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
S="$DESENTRAL_SERVER"

# Secrets are made once per machine, kept in $S/hemmeleg.env (mode 600), never in git.
server_secrets() {
    if [ ! -f "$S/hemmeleg.env" ]; then
        umask 077
        {
            echo "DA_SECRETKEY=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
            echo "DA_DB_PASSWORD=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
            echo "DA_ADMIN_EMAIL=admin@example.com"
            echo "DA_ADMIN_PASSWORD=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
            echo "DA_ADMIN_API_KEY=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
        } > "$S/hemmeleg.env"
        umask 022
    fi
    set -a
    . "$S/hemmeleg.env"
    set +a
}

server_config() {
    local venv="$1"
    # The config holds the secret key and the database password: readable by root only.
    ( umask 077; cat > "$S/config/config.yml" ) <<EOF
# Written by scripts/serve.sh for the local server; secrets come from hemmeleg.env.
secretkey: $DA_SECRETKEY
debug: False
url root: $DA_URL
root: /
web server: none
use https: False
update on start: False
allow updates: True
enable playground: False
db:
  prefix: postgresql+psycopg2://
  name: docassemble
  user: docassemble
  password: $DA_DB_PASSWORD
  host: 127.0.0.1
  port: $PG_PORT
# A pooled connection is tested before use (SQLAlchemy's pool_pre_ping): after PostgreSQL
# restarts, the next request reconnects instead of failing with a bare «Internal Server Error»
# (issue 18, measured).
sql ping: True
redis: redis://127.0.0.1:$REDIS_PORT
rabbitmq: redis://127.0.0.1:$REDIS_PORT/1
uploads: $S/filer
log: $S/log
packages: $venv
modules: $venv
webapp: $S/webapp/docassemble.wsgi
version file: $S/webapp/VERSION
ready file: $S/webapp/ready
cert install directory: $S/certs
web server certificate directory: $S/certs
pypirc path: $S/pypirc
libreoffice macro file: $S/libreoffice/Module1.xba
pandoc engine: lualatex
os locale: en_US.UTF-8 UTF-8
language: nn
locale: nn_NO.UTF-8
timezone: Europe/Oslo
words:
  - docassemble.base:data/sources/us-words.yml
  - docassemble.desentral:data/sources/nn-words.yml
default interview: docassemble.desentral:data/questions/tilsett.yml
# Signing in from inside the interview returns to it, with the answers given so far (issue 13:
# it landed on «Intervjua mine», and opening the interview again made a second entry).
resume interview after login: True
# docs/interview.md «Security»: a page may set only the variables it asks for (a form cannot post another
# variable, such as a case id), and only addresses in these domains may register.
restrict input variables: True
# A page refused before an interview runs (no access, or a field the page does not ask for)
# shows this instead of docassemble's message, which for a refused field is English and names
# variables; «Prøv på nytt» leads back to the screen.
verbose error messages: False
error help: |
  # Sida kan ikkje visast

  Du har ikkje tilgang til denne sida, eller så tok ikkje tenaren imot det du sende med henne.
  Det du sende no, vart ikkje lagra; svara du har gitt tidlegare, er tekne vare på. Trykk
  «Prøv på nytt» for å gå tilbake til der du var.
authorized registration domains:
  - $DESENTRAL_EPOSTDOMENE
$(server_config_pip)
$(server_config_mail)
$(server_config_desentral)
# docassemble's notice box has a fixed English aria-label on its close button.
alert html: '<div class="da-alert alert alert-%s alert-dismissible fade show">%s<button type="button" class="btn-close" data-bs-dismiss="alert" aria-label="Lukk"></button></div>'
EOF
    chmod 600 "$S/config/config.yml"
}

# Package Management's PyPI way runs pip in the Celery worker. docassemble's keys `pip index url`
# and `pip extra index urls` name the package index; its Docker image turns them into pip's
# configuration at start (Docker/initialize.sh: pip config set global.index-url). Here the same
# keys become $S/pip.conf, which the worker's pip reads through PIP_CONFIG_FILE (server_env).
# DESENTRAL_PIP_INDEX_URL / DESENTRAL_PIP_EXTRA_INDEX_URLS set them (test.sh: its local index).
server_config_pip() {
    [ -n "${DESENTRAL_PIP_INDEX_URL:-}" ] && echo "pip index url: $DESENTRAL_PIP_INDEX_URL"
    [ -n "${DESENTRAL_PIP_EXTRA_INDEX_URLS:-}" ] && echo "pip extra index urls: $DESENTRAL_PIP_EXTRA_INDEX_URLS"
    return 0
}

# E-mail (docassemble's `mail`) and the address HR's notices and reminders go to (the package's
# `desentral: hr e-post`), when DESENTRAL_SMTP_PORT names an SMTP server on 127.0.0.1 (test.sh:
# the tests' own sink). Without it the local server sends no e-mail.
server_config_mail() {
    [ -n "${DESENTRAL_SMTP_PORT:-}" ] || return 0
    cat <<MAIL
mail:
  server: 127.0.0.1
  port: $DESENTRAL_SMTP_PORT
  use tls: False
  default sender: '"Desentralisert arbeid" <ikkje-svar@example.com>'
MAIL
}

# The package's own keys (docs/deployment.md): the address HR's notices go to (with e-mail,
# above), and the certificate and key the signed agreement is sealed with (issue 17), when
# DESENTRAL_SEGL_SERTIFIKAT and DESENTRAL_SEGL_NYKEL name PEM files (test.sh: a throwaway CA of
# the run's own; serve.sh: the agency's own, else a test seal of the server's own).
server_config_desentral() {
    [ -n "${DESENTRAL_SMTP_PORT:-}" ] || [ -n "${DESENTRAL_SEGL_SERTIFIKAT:-}" ] || \
        [ -n "${DESENTRAL_TEIKNA_UNDERSKRIFT:-}" ] || return 0
    echo "desentral:"
    [ -n "${DESENTRAL_SMTP_PORT:-}" ] && echo "  hr e-post: ${DESENTRAL_HR_EPOST:-hr@example.com}"
    # Issue 31: a drawn signature beside the confirming action, where the agency wants one.
    [ -n "${DESENTRAL_TEIKNA_UNDERSKRIFT:-}" ] && echo "  teikna underskrift: true"
    if [ -n "${DESENTRAL_SEGL_SERTIFIKAT:-}" ]; then
        echo "  segl sertifikat: $DESENTRAL_SEGL_SERTIFIKAT"
        echo "  segl nykel: $DESENTRAL_SEGL_NYKEL"
        echo "  segl stad: ${DESENTRAL_SEGL_STAD:-Testbyen}"
    fi
    return 0
}

# docassemble's scheduled tasks, as its own image runs them from cron: `cron_daily` goes through
# every session of an interview with that event (here paaminning.yml: HR's reminders).
server_run_cron() {
    local venv="$1" type="${2:-cron_daily}"
    (server_env "$venv"; cd "$S/tmp" && "$venv/bin/python" -m docassemble.webapp.cron -type "$type" >&2)
}

server_pip_conf() {
    local venv="$1"
    "$venv/bin/python" - "$S/config/config.yml" "$S/pip.conf" <<'PY'
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as fh:
    config = yaml.safe_load(fh) or {}
lines = ["[global]"]
if config.get("pip index url"):
    lines.append(f"index-url = {config['pip index url']}")
if config.get("pip extra index urls"):
    lines.append(f"extra-index-url = {config['pip extra index urls']}")
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    fh.write("\n".join(lines) + "\n")
PY
}

server_env() {
    local venv="$1"
    # The server runs the installed package only: scripts/test.sh exports PYTHONPATH=<checkout>
    # for pytest, and a server (re)started from a test inherited it and ran the checkout's code,
    # so a Package Management install never reached it (found by the two-server install test).
    unset PYTHONPATH PYTHONHOME
    export DA_CONFIG_FILE="$S/config/config.yml" DA_PYTHON="$venv" CONTAINERROLE=":all:"
    export HOME="$S/home" TMPDIR="$S/tmp" PATH="$venv/bin:$PATH" C_FORCE_ROOT=1 PIP_CONFIG_FILE="$S/pip.conf"
    # On a fresh machine system.sh generates the locale while this shell runs; glibc in this
    # shell cannot load it any more and bash warns on the assignment. The processes started from
    # here load it; the shell's own warning is not an error (measured: four lines on first run).
    { export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8; } 2>/dev/null
    export PYTHONDONTWRITEBYTECODE=1 NLTK_DATA="$S/nltk_data"
}

pg_running() { [ -f "$S/pg/data/postmaster.pid" ] && kill -0 "$(head -n1 "$S/pg/data/postmaster.pid")" 2>/dev/null; }
redis_running() { [ -f "$S/redis/redis.pid" ] && kill -0 "$(cat "$S/redis/redis.pid")" 2>/dev/null; }
da_running() { [ -f "$S/gunicorn.pid" ] && kill -0 "$(cat "$S/gunicorn.pid")" 2>/dev/null; }
celery_running() { [ -f "$S/celery.pid" ] && kill -0 "$(cat "$S/celery.pid")" 2>/dev/null; }
vakt_running() { [ -f "$S/wsgi-vakt.pid" ] && kill -0 "$(cat "$S/wsgi-vakt.pid")" 2>/dev/null; }
cron_vakt_running() { [ -f "$S/cron-vakt.pid" ] && kill -0 "$(cat "$S/cron-vakt.pid")" 2>/dev/null; }

pg_start() {
    pg_running && return 0
    # pg_ctl's own lines (a stale pid file after a crash: «another server might be running»)
    # go to the server's log; only a failure is shown.
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -l "$S/pg/postgresql.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $S/pg/socket" start >>"$S/pg/pg_ctl.log" 2>&1 \
        || { say "PostgreSQL starta ikkje:"; tail -n 20 "$S/pg/pg_ctl.log" "$S/pg/postgresql.log" >&2; return 1; }
}

redis_start() {
    redis_running && return 0
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$S/redis" \
        --pidfile "$S/redis/redis.pid" --logfile "$S/log/redis.log" --protected-mode yes >&2
    for _ in $(seq 50); do redis_running && return 0; sleep 0.1; done
    say "Redis starta ikkje (sjå $S/log/redis.log)"; return 1
}

server_init() {
    local venv="$1"
    mkdir -p "$S"/{config,filer,log,webapp,certs,libreoffice,home,tmp,redis,pg/socket}
    [ -f "$S/nltk_data/corpora/omw-1.4.zip" ] || python3 "$REPO/scripts/nltk_data.py" "$S/nltk_data" >/dev/null
    # docassemble touches this file to make the web server reload; under gunicorn it is a file.
    touch "$S/webapp/docassemble.wsgi"
    server_secrets
    server_config "$venv"
    server_pip_conf "$venv"
    # The server runs with HOME=$S/home, where lualatex keeps its font-name database; build it
    # here (about 25 s the first time) rather than in a user's first document.
    HOME="$S/home" luaotfload-tool --update >/dev/null 2>&1 || true
    if [ ! -f "$S/pg/data/PG_VERSION" ]; then
        say "lagar PostgreSQL-klynga i $S/pg"
        chown -R postgres:postgres "$S/pg"
        local pw; pw="$(mktemp)"; chown postgres "$pw"; echo "$DA_DB_PASSWORD" > "$pw"
        runuser -u postgres -- "$PG_BIN/initdb" -D "$S/pg/data" -U postgres -A scram-sha-256 \
            --pwfile="$pw" -E UTF8 --locale=C.UTF-8 >"$S/pg/initdb.log"
        rm -f "$pw"
    fi
    chown postgres:postgres "$S/pg/socket"
    chmod 755 "$S" "$S/pg"
    pg_start
    redis_start
    if [ ! -f "$S/.tabellar" ]; then
        say "lagar databasen og administratoren"
        PGPASSWORD="$DA_DB_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q <<EOF >&2
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'docassemble') THEN
    CREATE ROLE docassemble LOGIN PASSWORD '$DA_DB_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE docassemble OWNER docassemble'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'docassemble')\gexec
EOF
        # create_tables reports every step and package (hundreds of lines): kept in its log.
        (server_env "$venv"; cd "$S/tmp" && "$venv/bin/python" -m docassemble.webapp.create_tables \
            >"$S/log/create_tables.log" 2>&1) \
            || { say "docassemble.webapp.create_tables feila:"; tail -n 30 "$S/log/create_tables.log" >&2; return 1; }
        touch "$S/.tabellar"
    fi
}

# As Package Management does with an uploaded ZIP: pip install --prefix=<packages> --upgrade.
server_install_package() {
    local venv="$1" zip
    zip="$S/tmp/docassemble-desentral.zip"
    python3 "$REPO/scripts/pakke_zip.py" "$zip"
    (server_env "$venv"; cd "$S/tmp" && "$venv/bin/pip" install --no-cache-dir --quiet \
        --prefix="$venv" --upgrade --force-reinstall --no-deps "$zip" >&2)
}

# One docassemble web server under gunicorn: gunicorn_start VENV PORT SUFFIX, with its PID file
# and logs named by SUFFIX ("" for the first server, "-2" for the second: to_tenarar_start).
gunicorn_start() {
    local venv="$1" port="$2" ending="$3"
    (
        server_env "$venv"
        cd "$S/tmp"
        # Only --opt=value forms: docassemble reads any existing file named in argv as config.
        # --keep-alive=5: with gunicorn's 2 s, a client reading a screen for 1-2 s met its
        # connection closed as it reused it (the load test's resets, issue 18).
        "$venv/bin/gunicorn" --bind="127.0.0.1:$port" --workers=2 --threads=4 --timeout=300 --keep-alive=5 \
            --pid="$S/gunicorn$ending.pid" --daemon --access-logfile="$S/log/access$ending.log" \
            --error-logfile="$S/log/gunicorn$ending.log" docassemble.webapp.run:application
    )
}

server_start() {
    local venv="$1"
    if ! da_running; then
        say "startar docassemble på $DA_URL"
        gunicorn_start "$venv" "$DA_PORT" ""
    fi
    # Package Management (web page and /api/package) runs its installs in a Celery worker and
    # then asks for a restart by touching the WSGI file, as on docassemble's own servers without
    # supervisor. The worker uses Redis as its broker; a small watcher turns a touch of the
    # WSGI file into gunicorn's graceful reload (HUP: new workers with the new code).
    celery_start "$venv"
    # The worker runs the package's code too (background assembly, issue 18): after a new
    # install it is restarted with the web server, as supervisor does in docassemble's image.
    if ! vakt_running; then
        nohup bash -c '
            fil="$1"; pidfil="$2"; sist="$(stat -c %Y "$fil")"
            while sleep 1; do
                no="$(stat -c %Y "$fil" 2>/dev/null)" || continue
                if [ "$no" != "$sist" ]; then
                    sist="$no"
                    for p in "$pidfil" "${pidfil%.pid}"-*.pid; do [ -f "$p" ] && kill -HUP "$(cat "$p")" 2>/dev/null; done
                    bash -c ". \"\$1/scripts/lib.sh\"; . \"\$1/scripts/server-lib.sh\"; celery_restart \"\$2\"" _ "$3" "$4" >>"$5" 2>&1
                fi
            done' wsgi-vakt "$S/webapp/docassemble.wsgi" "$S/gunicorn.pid" "$REPO" "$venv" "$S/log/celery.log" >/dev/null 2>&1 &
        echo $! > "$S/wsgi-vakt.pid"
    fi
    # The scheduler: once a day, from 02:00, docassemble's cron_daily (scripts/cron.sh); every
    # 5 minutes, the temporary files docassemble's own image deletes every hour.
    if ! cron_vakt_running; then
        nohup bash -c '
            cronskript="$1"; sistfil="$2"
            while sleep 300; do
                if [ "$(date +%H)" -ge 2 ] && [ "$(date +%F)" != "$(cat "$sistfil" 2>/dev/null)" ]; then
                    date +%F > "$sistfil"
                    bash "$cronskript" cron_daily >>"$3" 2>&1
                fi
                # docassemble leaves temporary files behind; its image deletes them hourly
                # (Docker/cron/docassemble-cron-hourly.sh), and so does this server.
                find "$4" -maxdepth 1 -type f -name "datemp*" -mmin +60 -delete 2>/dev/null
                find "$4" -maxdepth 1 -type d -name "SavedFile*" -mmin +60 -exec rm -rf {} + 2>/dev/null
                [ -d "$4/files" ] && find "$4/files" \( -type f -o -type l \) -amin +120 -delete 2>/dev/null
            done' cron-vakt "$REPO/scripts/cron.sh" "$S/cron-sist" "$S/log/cron.log" "$S/tmp" >/dev/null 2>&1 &
        echo $! > "$S/cron-vakt.pid"
    fi
    local i
    for i in $(seq 240); do
        if curl -fsS -o /dev/null "$DA_URL/health_check" 2>/dev/null; then
            say "docassemble svarar (etter $((i / 2)) s)"
            return 0
        fi
        if [ "$i" -gt 10 ] && ! da_running; then
            say "docassemble stoppa; sjå $S/log/gunicorn.log"; tail -n 30 "$S/log/gunicorn.log" >&2; return 1
        fi
        sleep 0.5
    done
    say "docassemble svarte ikkje på 120 s; stoppar det (sjå $S/log/gunicorn.log)"
    grep -v "Booting worker\|Control socket\|Worker exiting\|exited with code" "$S/log/gunicorn.log" | tail -n 20 >&2
    stop_pid "$S/gunicorn.pid" docassemble
    return 1
}

# One worker process per core: the background assemblies of several employees run side by
# side (with one, they queued behind each other: issue 18's load test).
celery_start() {
    local venv="$1"
    celery_running && return 0
    (
        server_env "$venv"
        cd "$S/tmp"
        # What docassemble prints while the worker loads (NLTK's failed downloads of English
        # word lists on a machine without internet; the package uses none) goes to the log.
        "$venv/bin/celery" -A docassemble.webapp.worker worker --concurrency="$(nproc)" --loglevel=INFO \
            --detach --pidfile="$S/celery.pid" --logfile="$S/log/celery.log" >>"$S/log/celery.log" 2>&1 \
            || { say "Celery starta ikkje:"; tail -n 20 "$S/log/celery.log" >&2; return 1; }
    )
}

# A warm shutdown (the running task ends first), then a new worker with the new code.
celery_restart() {
    local venv="$1"
    stop_pid "$S/celery.pid" Celery
    celery_start "$venv"
}

# After a new install of the package: gunicorn reloads its workers on HUP (new Python code),
# and the background worker starts again with it.
server_reload() {
    local venv="$1"
    kill -HUP "$(cat "$S/gunicorn.pid")"
    celery_restart "$venv"
    sleep 2
    server_start "$venv"
}

stop_pid() {
    local pidfile="$1" name="$2" pid
    [ -f "$pidfile" ] || return 0
    pid="$(head -n1 "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        say "stoppa $name ($pid)"
    fi
    rm -f "$pidfile"
}

server_stop() {
    to_tenarar_stop
    stop_pid "$S/cron-vakt.pid" "planleggjaren"
    stop_pid "$S/wsgi-vakt.pid" "WSGI-vakta"
    stop_pid "$S/celery.pid" Celery
    stop_pid "$S/gunicorn.pid" docassemble
    stop_pid "$S/redis/redis.pid" Redis
    if pg_running; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -m fast -w stop >&2
    fi
}

# --- docassemble's multi-server mode on one machine (issue 18; scripts/to-tenarar.sh) ---
# A second docassemble web server (its own gunicorn, its own port and logs) on the same
# installation: the same config, PostgreSQL, Redis and file storage ($S/filer), as docassemble's
# servers share them behind a load balancer. HAProxy from Debian spreads requests over both
# (round robin, no sticky sessions: every request may land on either server).
DA_PORT2="${DESENTRAL_PORT2:-$((DA_PORT + 2))}"
LB_PORT="${DESENTRAL_LB_PORT:-$((DA_PORT + 20))}"
LB_URL="http://127.0.0.1:$LB_PORT"

tenar2_running() { [ -f "$S/gunicorn-2.pid" ] && kill -0 "$(cat "$S/gunicorn-2.pid")" 2>/dev/null; }
lb_running() { [ -f "$S/haproxy.pid" ] && kill -0 "$(head -n1 "$S/haproxy.pid")" 2>/dev/null; }

vent_paa() {
    local url="$1" namn="$2" i
    for i in $(seq 240); do
        curl -fsS -o /dev/null "$url/health_check" 2>/dev/null && return 0
        sleep 0.5
    done
    say "$namn svarte ikkje på 120 s"; return 1
}

to_tenarar_start() {
    local venv="$1"
    if ! tenar2_running; then
        say "startar docassemble-tenar 2 på 127.0.0.1:$DA_PORT2"
        gunicorn_start "$venv" "$DA_PORT2" "-2"
    fi
    vent_paa "http://127.0.0.1:$DA_PORT2" "tenar 2"
    cat > "$S/haproxy.cfg" <<CFG
# Written by scripts/to-tenarar.sh: the load balancer in front of the two docassemble servers.
global
    maxconn 512
defaults
    mode http
    timeout connect 5s
    timeout client 300s
    timeout server 300s
    # A server busy with assembly answers its health check late: marked down only after 5
    # checks in a row fail (10 s each), never for one slow answer (the load test had HAProxy
    # answer 503 with both servers taken out while they were only busy; issue 18).
    timeout check 10s
    default-server inter 3s fall 5 rise 2
    option forwardfor
frontend desentral
    bind 127.0.0.1:$LB_PORT
    default_backend docassemble
backend docassemble
    balance roundrobin
    option httpchk GET /health_check
    server tenar1 127.0.0.1:$DA_PORT check
    server tenar2 127.0.0.1:$DA_PORT2 check
CFG
    if ! lb_running; then
        say "startar HAProxy på $LB_URL"
        haproxy -f "$S/haproxy.cfg" -D -p "$S/haproxy.pid"
    fi
    vent_paa "$LB_URL" HAProxy
}

to_tenarar_stop() {
    stop_pid "$S/haproxy.pid" HAProxy
    stop_pid "$S/gunicorn-2.pid" "docassemble-tenar 2"
}
