#!/usr/bin/env bash
# Benchmark (docs/ytelse.md «Benchmark»): runs scripts/benchmark.py in the docassemble environment and
# writes docs/benchmark.md. On demand only; not part of the tests.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bash "$REPO/scripts/system.sh" --test --latex
VENV="$(ensure_da_venv)"
# `benchmark.sh tenar`: the served interview (scripts/benchmark_tenar.py), against the running
# local server; otherwise the engine (scripts/benchmark.py).
if [ "${1:-}" = tenar ]; then
    shift
    exec "$VENV/bin/python" "$REPO/scripts/benchmark_tenar.py" "$@"
fi
# `benchmark.sh saker`: HR's list and the overview with 5,000 generated cases on the running server.
if [ "${1:-}" = saker ]; then
    shift
    exec "$VENV/bin/python" "$REPO/scripts/benchmark_saker.py" "$@"
fi
exec "$VENV/bin/python" "$REPO/scripts/benchmark.py" "$@"
