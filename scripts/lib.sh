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

# ensure_da_venv: the Python 3.12 environment with docassemble (pinned, ~250 packages) and the
# test tools, installed with uv (pip takes minutes for this set). Prints its path.
ensure_da_venv() {
    local krav=("$REPO/scripts/docassemble-krav.txt" "$REPO/tests/requirements.txt")
    local overstyr="$REPO/scripts/docassemble-overstyr.txt"
    local stamp venv
    stamp="$(cat "${krav[@]}" "$overstyr" | sha256sum | cut -c1-16)"
    venv="$DESENTRAL_HOME/venv-docassemble"
    if [ ! -f "$venv/.stamp" ] || [ "$(cat "$venv/.stamp")" != "$stamp" ]; then
        say "lagar Python-miljøet med docassemble i $venv (første gong: nokre minutt)"
        rm -rf "$venv"
        "$(python312)" -m venv "$venv"
        "$venv/bin/python" -m pip install -qq --upgrade pip uv >&2
        "$venv/bin/uv" pip install -q --python "$venv/bin/python" --compile-bytecode \
            --override "$overstyr" -r "${krav[0]}" -r "${krav[1]}" >&2
        echo "$stamp" > "$venv/.stamp"
    fi
    echo "$venv"
}


# ensure_da_eldste_venv: the oldest supported docassemble (scripts/docassemble-eldste-krav.txt)
# on the machine's Python 3.11, for test.sh's phase «eldste docassemble». Prints its path.
ensure_da_eldste_venv() {
    local krav="$REPO/scripts/docassemble-eldste-krav.txt" stamp venv py uv
    py="${DESENTRAL_PYTHON_ELDSTE:-$(command -v python3.11 || true)}"
    [ -x "$py" ] || { say "fann ikkje Python 3.11 (set DESENTRAL_PYTHON_ELDSTE)"; return 1; }
    uv="$(ensure_da_venv)/bin/uv"
    stamp="$(cat "$krav" | sha256sum | cut -c1-16)"
    venv="$DESENTRAL_HOME/venv-docassemble-eldste"
    if [ ! -f "$venv/.stamp" ] || [ "$(cat "$venv/.stamp")" != "$stamp" ]; then
        say "lagar Python 3.11-miljøet med den eldste docassemble i $venv"
        rm -rf "$venv"
        "$py" -m venv "$venv"
        "$uv" pip install -q --python "$venv/bin/python" -r "$krav" >&2
        echo "$stamp" > "$venv/.stamp"
    fi
    echo "$venv"
}
