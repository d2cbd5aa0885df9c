"""`python -m docassemble.desentral lag`: the same documents as the interview, from an answer file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import fiendtleg
import pytest
import yaml
from motorhjelp import ny_okt, ROOT, SVAR_HEIMEKONTOR, docx_sprak, docx_tekst, gjennom, normaliser, pdf_tekst

DOME = ROOT / "docassemble" / "desentral" / "data" / "sources" / "dome" / "heimekontor_tilleggsavtale.yml"
DOME_ARBEIDSAVTALE = DOME.with_name("nytilsett_arbeidsavtale.yml")


def lag(svarfil: Path, ut: Path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "docassemble.desentral", "lag", str(svarfil), "--ut", str(ut)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_lag_og_intervjuet_gir_same_dokumenttekst(motor, tmp_path):
    from docassemble.desentral.intervju.felles import svar_som_dict

    okt = ny_okt(motor)
    skjermar = gjennom(okt, SVAR_HEIMEKONTOR)
    [vedlegg] = skjermar[-1].vedlegg
    ud = okt.user_dict
    data = svar_som_dict(ud["arbeidstakar"], ud["verksemd"], ud["ordning"])
    svarfil = tmp_path / "svar.yml"
    svarfil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")

    p = lag(svarfil, tmp_path / "ut")
    assert p.returncode == 0, p.stderr
    resultat = json.loads(p.stdout)
    assert resultat["laga"] is True and resultat["avtaletype"] == "tilleggsavtale"
    pdf, docx = Path(resultat["filer"][0]), Path(resultat["filer"][1])
    assert pdf.name == "tilleggsavtale.pdf" and docx.name == "tilleggsavtale.docx"
    assert normaliser(pdf_tekst(pdf)) == normaliser(pdf_tekst(vedlegg.filer["pdf"]))
    assert normaliser(docx_tekst(docx)) == normaliser(docx_tekst(vedlegg.filer["docx"]))
    assert "nn-NO" in docx_sprak(docx)


def test_lag_dome(tmp_path):
    p = lag(DOME, tmp_path)
    assert p.returncode == 0, p.stderr
    resultat = json.loads(p.stdout)
    assert resultat["manglar"] == []
    tekst = normaliser(pdf_tekst(tmp_path / "tilleggsavtale.pdf"))
    assert "Kari Nordmann" in tekst and "Heimekontor, Storgata 1, 2680 Vågå" in tekst
    assert "frist på 2 månader" in tekst


def test_lag_utan_innhald_merkjer_det_som_manglar(tmp_path):
    data = yaml.safe_load(DOME.read_text("utf-8"))
    for key in ("arbeidsstad", "omfang", "oppseiingsfrist_manader"):
        del data["ordning"][key]
    svarfil = tmp_path / "svar.yml"
    svarfil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    p = lag(svarfil, tmp_path / "ut")
    assert p.returncode == 0, p.stderr
    resultat = json.loads(p.stdout)
    assert "arbeidsstad" in resultat["manglar"] and "opphøyr av avtala" in resultat["manglar"]
    tekst = normaliser(docx_tekst(tmp_path / "ut" / "tilleggsavtale.docx"))
    assert tekst.count("Fyllast ut av arbeidsgivaren") >= 3


def test_lag_avvist_sak(tmp_path):
    data = yaml.safe_load(DOME.read_text("utf-8"))
    data["ordning"]["stad"] = "utlandet"
    svarfil = tmp_path / "svar.yml"
    svarfil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    p = lag(svarfil, tmp_path / "ut")
    assert p.returncode == 0, p.stderr
    resultat = json.loads(p.stdout)
    assert resultat["laga"] is False and resultat["filer"] == []
    assert resultat["avvisingsgrunn"] == "utlandet"
    assert not (tmp_path / "ut").exists()


def test_lag_feil_i_svarfila(tmp_path):
    svarfil = tmp_path / "svar.yml"
    svarfil.write_text(DOME.read_text("utf-8").replace("til: 2027-12-31", "til: 2026-12-31"), "utf-8")
    p = lag(svarfil, tmp_path / "ut")
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.startswith("ordning.til: Sluttdatoen kan ikkje vere før startdatoen.")


def test_dayamlchecker_finn_ingenting():
    # IG416 asks for CourtFormsOnline's US publishing fields, which do not apply here.
    intervju = sorted((ROOT / "docassemble" / "desentral" / "data" / "questions").glob("*.yml"))
    p = subprocess.run([str(Path(sys.executable).parent / "dayamlchecker"), "--no-url-check", "--suppress", "IG416",
                        *map(str, intervju)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.strip() == "No issues found."


# --- Issue 6: hostile text in every free-text field, through `lag` ---

RUNDAR = 4


def _tekstfelt():
    from docassemble.desentral.reglar.svarfil import SKJEMA

    return [(f"{s}.{k}", spec.maks) for s, d in SKJEMA.items() for k, spec in d.items() if spec.kind == "tekst"]


@pytest.mark.parametrize("runde", range(RUNDAR))
def test_fiendtleg_tekst_kjem_bokstavleg_i_pdf_og_docx(tmp_path, runde):
    """Each round gives every text field a share of the hostile values (a long field all of them
    and a 2 000-character line); after the rounds each field has had each value. Even rounds make
    a tilleggsavtale, odd rounds an ordinary agreement, so both templates see them."""
    felt = _tekstfelt()
    verdiar = fiendtleg.fordel(felt, runde, RUNDAR)
    data = yaml.safe_load((DOME_ARBEIDSAVTALE if runde % 2 else DOME).read_text("utf-8"))
    for namn, tekst in verdiar.items():
        seksjon, key = namn.split(".")
        data[seksjon][key] = tekst
    svarfil = tmp_path / "svar.yml"
    svarfil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")

    p = lag(svarfil, tmp_path / "ut")
    assert p.returncode == 0, p.stderr
    resultat = json.loads(p.stdout)
    assert resultat["avtaletype"] == ("arbeidsavtale" if runde % 2 else "tilleggsavtale")
    pdf, docx = (Path(f) for f in resultat["filer"])
    forventa = fiendtleg.forventa(verdiar)
    assert len(forventa) >= len(felt)
    for namn, tekst in (("PDF", pdf_tekst(pdf)), ("DOCX", docx_tekst(docx))):
        assert fiendtleg.manglar_i(tekst, forventa) == [], f"{namn}: desse verdiane kom ikkje bokstavleg fram"
        assert fiendtleg.forbodne_i(tekst) == [], f"{namn}: filinnhald eller kommandoutdata i dokumentet"


@pytest.mark.parametrize("seksjon, key, verdi, melding", [
    ("ordning", "arbeidsstad", "   ", "ordning.arbeidsstad: feltet er tomt"),
    ("ordning", "utstyr", "x" * 4001, "ordning.utstyr: teksten er for lang (4001 teikn; høgst 4000)"),
    ("ordning", "til", "2999-12-31", "ordning.til: året 2999 er ikkje truleg"),
    ("ordning", "oppseiingsfrist_manader", 13, "ordning.oppseiingsfrist_manader: talet kan ikkje vere større enn 12"),
])
def test_lag_avviser_det_same_som_vurder(tmp_path, seksjon, key, verdi, melding):
    data = yaml.safe_load(DOME.read_text("utf-8"))
    data[seksjon][key] = verdi
    svarfil = tmp_path / "svar.yml"
    svarfil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    p = lag(svarfil, tmp_path / "ut")
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr.startswith(melding) and p.stderr.count("\n") == 1, p.stderr
    assert not (tmp_path / "ut").exists()
