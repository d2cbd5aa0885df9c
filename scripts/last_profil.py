"""Where the web server's time goes under load (issue 29: «report where it falls short and why»).

    last_profil.py PROFIL.txt UT.md BRUKARAR

PROFIL.txt is py-spy's raw output (`py-spy record --format raw`: one collapsed stack per line,
«frame;frame;... count»), recorded from the gunicorn workers while Locust ran (scripts/last.sh,
LAST_PROFIL). Idle threads are not sampled (py-spy's default), so the shares are of the time
the workers were busy. Writes a Markdown table: each function's inclusive share (in the stack at
all) and own share (the frame running), the top ones.
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

TOPP = 20


def _funksjon(ramme: str) -> str:
    # py-spy writes «name (path/to/file.py:line)»; the line is dropped so one function is one row.
    m = re.match(r"(.*) \((.*?)(?::\d+)?\)$", ramme.strip())
    if not m:
        return ramme.strip()
    namn, fil = m.groups()
    fil = re.sub(r".*/site-packages/", "", fil)
    return f"{namn} ({fil})"


def les(profil: Path) -> tuple[int, collections.Counter, collections.Counter]:
    total, inklusiv, eigen = 0, collections.Counter(), collections.Counter()
    for linje in profil.read_text("utf-8", errors="replace").splitlines():
        stabel, _, tal = linje.rpartition(" ")
        if not stabel or not tal.isdigit():
            continue
        n = int(tal)
        rammer = [_funksjon(r) for r in stabel.split(";") if r]
        # The first frame is the process and thread; the rest are Python frames.
        rammer = [r for r in rammer if not r.startswith(("process ", "thread "))]
        if not rammer:
            continue
        total += n
        for f in set(rammer):
            inklusiv[f] += n
        eigen[rammer[-1]] += n
    return total, inklusiv, eigen


def rapport(profil: Path, ut: Path, brukarar: str) -> None:
    total, inklusiv, eigen = les(profil)
    if not total:
        raise SystemExit(f"ingen prøver i {profil}")
    linjer = [f"# Profil av webtenaren med {brukarar} brukarar (issue 29)", "",
              f"py-spy, {total} prøver frå gunicorn-arbeidarane medan Locust køyrde "
              f"(berre trådar i arbeid). Laga av `scripts/last.sh` med `LAST_PROFIL={brukarar}`.", "",
              "## Eigen tid (funksjonen som køyrde)", "", "| Funksjon | Del |", "|---|---|"]
    linjer += [f"| `{f}` | {n / total:.1%} |" for f, n in eigen.most_common(TOPP)]
    linjer += ["", "## Inklusiv tid (funksjonen er i stabelen)", "", "| Funksjon | Del |", "|---|---|"]
    linjer += [f"| `{f}` | {n / total:.1%} |" for f, n in inklusiv.most_common(TOPP)]
    ut.write_text("\n".join(linjer) + "\n", "utf-8")


if __name__ == "__main__":
    rapport(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
