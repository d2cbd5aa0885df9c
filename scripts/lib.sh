# Shared by the scripts: where things live, and how the Python environments are made.
# Sourced, not run.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Per-machine state (virtual environments, the local server's data and secrets), reused by
# every clone on this machine and never in git.
DESENTRAL_HOME="${DESENTRAL_HOME:-$HOME/.cache/docassemble-desentral}"
mkdir -p "$DESENTRAL_HOME"

say() { printf '[desentral] %s\n' "$*" >&2; }

# docassemble 1.10.6 and later need Python >= 3.12; the machine's default is 3.11, and pyenv's
# 3.12 is present on every machine of this kind.
python312() {
    local candidate
    for candidate in "${DESENTRAL_PYTHON:-}" "$(pyenv prefix 3.12.1 2>/dev/null)/bin/python3" \
                     "$(command -v python3.12 || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ] && \
           "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 12))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    say "fann ikkje Python 3.12 (set DESENTRAL_PYTHON)"
    return 1
}

# ensure_venv NAME REQUIREMENTS... : a venv under DESENTRAL_HOME, rebuilt when the requirement
# files change. Prints its path.
ensure_venv() {
    local name="$1"; shift
    local stamp venv
    stamp="$(cat "$@" | sha256sum | cut -c1-16)"
    venv="$DESENTRAL_HOME/venv-$name"
    if [ ! -f "$venv/.stamp" ] || [ "$(cat "$venv/.stamp")" != "$stamp" ]; then
        say "lagar Python-miljøet $venv"
        rm -rf "$venv"
        "$(python312)" -m venv "$venv"
        "$venv/bin/python" -m pip install -q --upgrade pip >&2
        local req
        for req in "$@"; do
            "$venv/bin/python" -m pip install -q -r "$req" >&2
        done
        echo "$stamp" > "$venv/.stamp"
    fi
    echo "$venv"
}
