"""Issue 14: the decision for any valid answer file with dates anywhere in the accepted range
(1970–2100) is a decision — never a traceback. An answer file the rules cannot read is refused
with SvarFeil (a Nynorsk message naming the field), which `vurder` reports with exit 1."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from docassemble.desentral.dokument.avtaledata import avtaledata
from docassemble.desentral.reglar.vurdering import vurder
from docassemble.desentral.reglar.svarfil import SvarFeil, svar_fra_dict

ROOT = Path(__file__).resolve().parents[1]
DOME = ROOT / "docassemble" / "desentral" / "data" / "sources" / "dome" / "heimekontor_tilleggsavtale.yml"


def _base() -> dict:
    """The complete example answer file (tests/conftest.py reads the same one); not imported
    from conftest, which pytest may have loaded under that name from another folder."""
    return yaml.safe_load(DOME.read_text("utf-8"))


DATOAR = st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def svarfiler(draw):
    data = copy.deepcopy(_base())
    at, o = data["arbeidstakar"], data["ordning"]
    # Dates in the order a valid case has them: employment, arrangement, its end, the end of a
    # temporary employment; each possibly decades apart.
    d = sorted(draw(st.lists(DATOAR, min_size=4, max_size=4)))
    at["tilsett_fra"], o["fra"] = d[0], d[1]
    at["nytilsett"] = draw(st.booleans())
    at["mellombels_til"] = d[3] if draw(st.booleans()) else None
    o["til"] = d[2] if draw(st.booleans()) else None
    o["signeringsdato"] = draw(st.one_of(st.none(), DATOAR))
    o["stad"] = draw(st.sampled_from(["kontorfellesskap", "annan_kontorstad", "heimekontor", "utlandet"]))
    o["dagpendling_realistisk"] = draw(st.booleans()) if o["stad"] == "heimekontor" else None
    o["fast_pa_ordinaer_kontorstad"] = draw(st.booleans()) if o["til"] is None else None
    o["avtaletype_valt"] = draw(st.sampled_from([None, "tilleggsavtale", "arbeidsavtale"]))
    if at["nytilsett"]:
        o["samtykke_arbeidstakar"] = o["samtykke_arbeidsgivar"] = None
    else:
        o["samtykke_arbeidstakar"], o["samtykke_arbeidsgivar"] = draw(st.booleans()), draw(st.booleans())
    o["proveperiode_manader"] = draw(st.integers(min_value=0, max_value=24))
    at["fravaer_i_provetid_dagar"] = draw(st.integers(min_value=0, max_value=400))
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(svarfiler(), DATOAR)
def test_vurder_og_avtaledata_for_alle_datoar(data, i_dag):
    try:
        svar = svar_fra_dict(data)
    except SvarFeil as exc:
        assert str(exc).strip()  # a refusal with a message, not a crash
        return
    r = vurder(svar, i_dag)
    json.dumps(r.som_json(), default=str)
    assert all(t["status"] in ("stadfesta", "sekundærkjelde", "ikkje stadfesta") for t in r["brukte_tal"])
    for t in r["brukte_tal"]:
        if t["status"] != "stadfesta":
            assert t["id"] in r["ustadfesta_tal"], t["id"]
    if r["i_omfang"]:
        avtaledata(svar, r)
        # The timeline (issue 16): sorted, one signing deadline, every entry dated and sourced.
        datoar = [p["dato"] for p in r["tidslinje"]]
        assert datoar == sorted(datoar)
        assert [p["kva"] for p in r["tidslinje"]].count("skriftleg_frist") == 1
        assert all(p["kjelde"] and p["tekst"] for p in r["tidslinje"])
    else:
        assert r["tidslinje"] == []


def test_vurder_for_ei_ordning_som_starta_foer_2024_gir_exit_0(tmp_path):
    """The crash of issue 14 (1): an arrangement from March 2024 and a new hire from June 2024,
    formalised now; the deadlines of that time (one month) apply, from secondary sources."""
    resultat = []
    for endring in ({"ordning": {"fra": date(2024, 3, 1), "til": date(2024, 12, 31), "signeringsdato": date(2026, 11, 27)},
                     "arbeidstakar": {"tilsett_fra": date(2019, 1, 1)}},
                    {"ordning": {"fra": date(2024, 6, 3), "til": None, "fast_pa_ordinaer_kontorstad": False,
                                 "samtykke_arbeidstakar": None, "samtykke_arbeidsgivar": None,
                                 "signeringsdato": date(2024, 6, 20), "stad": "kontorfellesskap",
                                 "dagpendling_realistisk": None},
                     "arbeidstakar": {"tilsett_fra": date(2024, 6, 3), "nytilsett": True}},
                    {"ordning": {"fra": date(2016, 1, 4), "til": date(2016, 12, 31), "signeringsdato": date(2016, 1, 4)},
                     "arbeidstakar": {"tilsett_fra": date(2010, 1, 4)}}):
        data = _base()
        for seksjon, verdiar in endring.items():
            data[seksjon].update(verdiar)
        fil = tmp_path / "svar.yml"
        fil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        p = subprocess.run([sys.executable, "-m", "docassemble.desentral", "vurder", str(fil), "--dato", "2026-11-27"],
                           capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert p.returncode == 0, p.stderr[-1500:]
        r = json.loads(p.stdout)
        brukte = {t["id"]: t for t in r["brukte_tal"]}
        frist = brukte.get("aml_endring_skriftleg_frist") or brukte.get("aml_skriftleg_arbeidsavtale_frist")
        assert frist["verdi"] == {"manader": 1} and frist["status"] != "stadfesta"
        assert frist["id"] in r["ustadfesta_tal"]
        resultat.append(r)
    # Signed in 2026 for a change from 1 March 2024: late against the month of that time.
    [frist] = [a for a in resultat[0]["atvaringar"] if a["kjelde"] == "arbeidsmiljølova § 14-8"]
    assert "seinast éin månad etter at ordninga tok til å gjelde, det vil seie 1. april 2024" in frist["tekst"]
    # Signed 17 days after a new hire's first day in June 2024: within the month of that time.
    assert not [a for a in resultat[1]["atvaringar"] if a["kjelde"].startswith("arbeidsmiljølova § 14-")]
