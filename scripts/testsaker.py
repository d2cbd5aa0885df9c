"""Generated cases in a local server's storage (issue 31, item 4: HR's list and overview measured
with 5,000 cases). Test data only: every case it writes has an id starting with `testsak-`, and
`fjern` removes exactly those.

Run in the server's environment (scripts/testsaker.sh sets it, for the instance DESENTRAL_SERVER
names):

    bash scripts/testsaker.sh lag 5000      # write 5,000 generated cases
    bash scripts/testsaker.sh fjern         # remove every generated case

The cases are made by the package's own rules (saker.ny_sak, send_inn, godkjenn, returner,
signering.signer) from the two example answer files, varied in name, situation, municipality,
start date and status, and written by the package's own `sakslager.lagre_sak` through
docassemble's DAStore (the case and its summary), as a hand-over from the interview writes them. Prints one line: how many,
and the seconds the writing took.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

PREFIKS = "testsak-"
DOME = ["heimekontor_tilleggsavtale.yml", "nytilsett_arbeidsavtale.yml"]
FORNAMN = ["Kari", "Ola", "Åse", "Øystein", "Ingrid", "Nils", "Sigrid", "Per", "Aud", "Lars"]
ETTERNAMN = ["Nordmann", "Haugen", "Bakke", "Dahl", "Vik", "Lie", "Strand", "Moen", "Berg", "Aas"]
# The mix of an agency whose arrangements have run a while: most approved, some signed by both,
# some waiting for HR or returned to the employee.
STATUSAR = [("innsendt", 6), ("returnert", 3), ("godkjend", 41), ("signert", 50)]
# Oslo, Bergen, Trondheim, Stavanger, Kristiansand, Tromsø, Bodø, Hamar (2024 numbers).
STORE = {"0301", "4601", "5001", "1103", "4204", "5501", "1804", "3403"}
# The guideline's three situations (Rettleiinga 1.2), home office the most common.
STADER = [("heimekontor", 5, "Heimekontor"), ("kontorfellesskap", 3, "Kontorfellesskap"),
          ("annan_kontorstad", 2, "Kontoret i verksemda")]


def _dome() -> list[dict]:
    from importlib.resources import files

    import yaml

    mappe = files("docassemble.desentral") / "data" / "sources" / "dome"
    return [yaml.safe_load((mappe / namn).read_text("utf-8")) for namn in DOME]


def lag_saker(talet: int, frø: int = 31) -> list[dict]:
    """`talet` cases built by the rules, the same ones for the same seed."""
    from docassemble.desentral.reglar.kommunar import kommuneval
    from docassemble.desentral.reglar.saker import godkjenn, ny_sak, returner, send_inn
    from docassemble.desentral.reglar.signering import godkjent_hash, registrer_godkjent_dokument, signer

    tilfeldig = random.Random(frø)
    dome = _dome()
    kommunar = [next(iter(k)) for k in kommuneval()]
    # The large towns hold many arrangements; every municipality may have some.
    vekter = [40 if k in STORE else 1 for k in kommunar]
    statusar, svekter = zip(*STATUSAR)
    saker = []
    for i in range(talet):
        mal = dome[i % len(dome)]
        fra = date(2026, 1, 1) + timedelta(days=tilfeldig.randrange(0, 730))
        stad, _, namn = tilfeldig.choices(STADER, [v for _, v, _ in STADER])[0]
        ordning = dict(mal["ordning"], kommune=tilfeldig.choices(kommunar, vekter)[0], fra=fra, stad=stad,
                       arbeidsstad=f"{namn}, Storgata {i % 90 + 1}")
        if ordning.get("til"):
            ordning["til"] = fra + timedelta(days=364)
        arbeidstakar = dict(mal["arbeidstakar"],
                            namn=f"{tilfeldig.choice(FORNAMN)} {tilfeldig.choice(ETTERNAMN)} {i:04d}")
        if arbeidstakar.get("nytilsett"):
            arbeidstakar["tilsett_fra"] = fra
        svar = dict(mal, arbeidstakar=arbeidstakar, ordning=ordning)
        sak = send_inn(ny_sak(svar, None, f"testsak{i:04d}@example.com"), svar)
        sak["id"] = f"{PREFIKS}{i:05d}"
        status = tilfeldig.choices(statusar, svekter)[0]
        if status == "returnert":
            sak = returner(sak, "Generert testsak.")
        elif status in ("godkjend", "signert"):
            sak = godkjenn(sak, {"utstyr": "Berbar PC.", "tryggingsreglar": "Reglane i verksemda gjeld."})
            sak = registrer_godkjent_dokument(sak, sak["versjon"], "a" * 64, "d" * 64)
            if status == "signert":
                for rolle in ("arbeidstakar", "arbeidsgivar"):
                    sak = signer(sak, rolle, "Generert", "testsak@example.com", 1, "c" * 64, sak["versjon"],
                                 godkjent_hash(sak))
        saker.append(sak)
    return saker


def main(argv: list[str]) -> int:
    import docassemble.webapp.server  # noqa: F401 - docassemble's storage, as the server sets it up
    from docassemble.base.thread_context import empty_globals, global_context, this_thread
    from docassemble.webapp.app_object import flaskapp as app
    from docassemble.desentral.lager.sakslager import lagre_sak, sakstore

    kva = argv[0] if argv else ""
    with app.app_context(), global_context(empty_globals()):
        # What DAStore reads of the request: no user, no session secret (this store is not
        # encrypted), as docassemble's own cron sets it outside a request.
        this_thread.current_info = {"user": {"the_user_id": None}, "secret": None, "interface": "cron"}
        t = time.perf_counter()
        if kva == "lag" and len(argv) == 2 and argv[1].isdigit():
            saker = lag_saker(int(argv[1]))
            for sak in saker:
                lagre_sak(sak)
            print(f"{len(saker)} genererte saker skrivne på {time.perf_counter() - t:.1f} s")
            return 0
        if kva == "fjern":
            lager = sakstore()
            nyklar = [k for k in lager.keys() if k.startswith(("sak:" + PREFIKS, "liste:" + PREFIKS))]
            for k in nyklar:
                lager.delete(k)
            print(f"{sum(k.startswith('sak:') for k in nyklar)} genererte saker fjerna på {time.perf_counter() - t:.1f} s")
            return 0
    print("bruk: testsaker.py lag TAL | fjern", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
