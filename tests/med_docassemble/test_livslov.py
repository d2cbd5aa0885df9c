"""Issue 28 on docassemble's engine: every date, letter and refusal after signing follows the
guideline and the law — in the letter, the timeline and the agreement the person gets. Each test
names the source of the rule it checks. Cases at a given step of their life are built by the
rules themselves (tests/saksbyggjar.py) and stored as the interviews store them."""
from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path

import yaml
from motorhjelp import docx_tekst, normaliser, pdf_tekst, synleg_tekst
from test_hr import hr_okt

from saksbyggjar import godkjend, signert

from docassemble.desentral.kommando.lag import KVITTERINGAR
from docassemble.desentral.reglar.livslop import evaluer
from docassemble.desentral.intervju.felles import verdiar_for_intervju
from docassemble.desentral.reglar.svarfil import svar_fra_dict

ROOT = Path(__file__).resolve().parents[2]
DOME = ROOT / "docassemble" / "desentral" / "data" / "sources" / "dome"
I_DAG = date.today()


def _svar(fil: str = "heimekontor_tilleggsavtale.yml", **endringar) -> dict:
    """An example answer file with `seksjon__nokkel=verdi` changes; no signing day (today)."""
    data = yaml.safe_load((DOME / fil).read_text("utf-8"))
    data["ordning"].pop("signeringsdato", None)
    for namn, verdi in endringar.items():
        seksjon, nokkel = namn.split("__")
        data[seksjon][nokkel] = verdi
    return data


def _utkast(motor, svar: dict):
    """The employee's interview on the engine with these answers, to its last screen: the
    screen's text (with «Datoar å hugse») and the draft's PDF and DOCX text."""
    okt = motor.okt("tilsett.yml", epost="kari.nordmann@example.com", brukar_id=800)
    okt.sett({**verdiar_for_intervju(svar_fra_dict(copy.deepcopy(svar))), **{k: True for k in KVITTERINGAR}})
    assert okt.skjerm.id == "avtale-ferdig", okt.skjerm.id
    [dok] = okt.skjerm.vedlegg
    return (synleg_tekst(okt.skjerm.html), normaliser(pdf_tekst(dok.filer["pdf"])),
            normaliser(docx_tekst(dok.filer["docx"])))


def _lagra(motor, sak: dict) -> dict:
    """Store a case as the interviews do (DAStore), in a session's context."""
    from docassemble.desentral.lager.sakslager import lagre_sak

    okt = motor.okt("versjon.yml")
    with okt._kontekst():
        return lagre_sak(dict(sak, brukar_id=801))


def _hent(motor, sak_id: str) -> dict:
    from docassemble.desentral.lager.sakslager import hent_sak

    with motor.okt("versjon.yml")._kontekst():
        return hent_sak(sak_id)


def _oppseiing(motor, sak: dict, svar: dict, **brukar):
    brukar = brukar or {"epost": "kari.nordmann@example.com", "brukar_id": 801}
    okt = motor.okt("oppseiing.yml", url_args={"sak": sak["id"]}, **brukar)
    return okt


def _sei_opp(okt, gitt: date, mottatt: date | None = None, grunn: str = ""):
    """The employee gives notice on the screen: the day given, how it was received, the reason."""
    verdiar = {"oppseiing_kven": "arbeidstakar", "oppseiing_gitt": gitt.isoformat(), "oppseiing_grunn": grunn,
               "oppseiing_levert": "anna" if mottatt else "appen"}
    if mottatt:
        verdiar["oppseiing_mottatt"] = mottatt.isoformat()
    okt.svar(verdiar)
    assert okt.skjerm.id == "oppseiing-stadfest", okt.skjerm.id
    stadfest = synleg_tekst(okt.skjerm.html)
    okt.svar({"oppseiing_stadfesta": True})
    assert okt.skjerm.id == "oppseiing-ferdig", okt.skjerm.id
    [brev] = okt.skjerm.vedlegg
    return stadfest, normaliser(pdf_tekst(brev.filer["pdf"])), normaliser(docx_tekst(brev.filer["docx"]))


# --- Notice ---

def test_rettleiinga_5_1_og_statstilsettelova_17_brevet_seier_at_ordninga_sluttar_med_tilsetjinga(motor):
    """Item 1: a temporary employment that ends before the notice runs out."""
    fra = I_DAG - timedelta(days=200)
    svar = _svar(arbeidstakar__mellombels_til=(I_DAG + timedelta(days=20)).isoformat(),
                 ordning__fra=fra.isoformat(), ordning__til=(I_DAG + timedelta(days=300)).isoformat(),
                 arbeidstakar__tilsett_fra=(fra - timedelta(days=30)).isoformat())
    sak = _lagra(motor, signert(godkjend(copy.deepcopy(svar))))
    stadfest, *brev = _sei_opp(_oppseiing(motor, sak, svar), I_DAG)
    for tekst in (stadfest, *brev):
        assert "sluttar automatisk med ho" in tekst and "inga ordinær arbeidsavtale å falle tilbake på" in tekst
        assert "held fram" not in tekst.replace("held fram uendra", "") and "fell partane tilbake" not in tekst
    assert _hent(motor, sak["id"])["oppseiing"]["verknad"] == "sluttar_med_tilsetjinga"


def test_statstilsettelova_22_frist_fraa_mottaket_brevet_viser_gitt_motteken_og_siste_dag(motor):
    """Item 3 (legal facts 1.3: date to date, counted from when the notice is received)."""
    fra = I_DAG - timedelta(days=200)
    svar = _svar(ordning__fra=fra.isoformat(), ordning__til=(I_DAG + timedelta(days=400)).isoformat(),
                 ordning__oppseiingsfrist_manader=2)
    sak = _lagra(motor, signert(godkjend(copy.deepcopy(svar))))
    gitt, mottatt = I_DAG - timedelta(days=6), I_DAG - timedelta(days=2)
    from docassemble.desentral.reglar.datoar import notice_end, nynorsk_dato

    _, pdf, docx = _sei_opp(_oppseiing(motor, sak, svar), gitt, mottatt)
    for tekst in (pdf, docx):
        assert f"Oppseiinga er gitt {nynorsk_dato(gitt)} og motteken av arbeidsgivaren {nynorsk_dato(mottatt)}" in tekst
        assert f"varer til og med {nynorsk_dato(notice_end(mottatt, months=2))}" in tekst


def test_rettleiinga_5_3_1_oppseiing_foer_start_ordninga_tek_ikkje_til(motor):
    """Item 4: allowed, with its source; the letter says it does not start."""
    svar = _svar(ordning__fra=(I_DAG + timedelta(days=40)).isoformat(),
                 ordning__til=(I_DAG + timedelta(days=400)).isoformat())
    sak = _lagra(motor, signert(godkjend(copy.deepcopy(svar))))
    stadfest, pdf, docx = _sei_opp(_oppseiing(motor, sak, svar), I_DAG)
    assert "Rettleiinga 5.3.1" in stadfest
    for tekst in (pdf, docx):
        assert "så ordninga tek ikkje til å gjelde" in tekst and "Arbeidsforholdet held fram som før" in tekst
        assert "varer til og med" not in tekst


def test_rettleiinga_5_3_6_null_varsel_les_naturleg_i_brev_og_avtale(motor):
    """Item 5: no «0 veker» or «0 dagar»; no two sentences that contradict each other."""
    fra = I_DAG - timedelta(days=10)
    svar = _svar(ordning__fra=fra.isoformat(), ordning__til=(I_DAG + timedelta(days=400)).isoformat(),
                 ordning__proveperiode_varsel_veker=0)
    _, avtale_pdf, _ = _utkast(motor, svar)
    assert "utan varsel, slik at ordninga sluttar same dag" in avtale_pdf and "0 veker" not in avtale_pdf
    sak = _lagra(motor, signert(godkjend(copy.deepcopy(svar))))
    _, pdf, docx = _sei_opp(_oppseiing(motor, sak, svar), I_DAG)
    for tekst in (pdf, docx):
        assert "ikkje avtalt noko varsel i prøveperioden, så ordninga sluttar same dag" in tekst
        assert "0 veker" not in tekst and "0 dagar" not in tekst


def test_arbeidsmiljolova_14_5_og_14_8_usignert_avtale_blir_trekt_tilbake_ikkje_sagd_opp(motor):
    """Item 11: HR is offered to withdraw the approval of an agreement nobody signed; the
    employee is told there is nothing to give notice of; no letter says it took effect."""
    svar = _svar()
    sak = _lagra(motor, godkjend(copy.deepcopy(svar)))
    tilsett = _oppseiing(motor, sak, svar)
    assert tilsett.skjerm.id == "oppseiing-usignert"
    hr = _oppseiing(motor, sak, svar, roller=["user", "hr"], epost="hr@example.com", brukar_id=99)
    assert hr.skjerm.id == "trekk-tilbake" and "ikkje teke til å gjelde skriftleg" in synleg_tekst(hr.skjerm.html)
    hr.svar({"trekk_stadfesta": True})
    assert hr.skjerm.id == "godkjenning-trekt"
    lagra = _hent(motor, sak["id"])
    assert lagra["status"] == "innsendt" and lagra["versjonar"][0]["trekt"]


def test_rettleiinga_5_3_6_perioden_som_gaar_kan_seiast_opp_medan_ny_periode_er_godkjend(motor):
    """Item 2: after HR approved a renewal, the running period stays open to notice; ending the
    new period before it starts is a separate, named choice."""
    fra = I_DAG - timedelta(days=300)
    svar = _svar(ordning__fra=fra.isoformat(), ordning__til=(I_DAG + timedelta(days=20)).isoformat())

    def fornya():
        """A signed case whose renewal was sent to HR (a new case each time)."""
        return evaluer(signert(godkjend(copy.deepcopy(svar))), "arbeidstakar", "godt", "halde_fram", None, I_DAG)

    from docassemble.desentral.reglar.saker import godkjenn
    from saksbyggjar import med_dokument

    sak = _lagra(motor, med_dokument(godkjenn(fornya(), {"utstyr": "PC", "tryggingsreglar": "Reglar"}), "b"))
    okt = _oppseiing(motor, sak, svar)
    assert okt.skjerm.id == "oppseiing-kva"
    tekst = " ".join(synleg_tekst(okt.skjerm.html).split())
    assert "Ein ny periode frå" in tekst and "er godkjend, men har ikkje teke til" in tekst
    okt.svar({"oppseiing_kva": "ny_periode"})
    assert okt.skjerm.id == "ny-periode-stadfest"
    okt.svar({"ny_periode_stadfesta": True})
    assert okt.skjerm.id == "ny-periode-avslutta"
    lagra = _hent(motor, sak["id"])
    assert (lagra["status"], lagra["versjon"]) == ("godkjend", 1) and lagra["versjonar"][1]["avlyst"]
    # The running period, given notice of while a renewal waits for HR (the same rule).
    sak2 = _lagra(motor, fornya())
    okt = _oppseiing(motor, sak2, svar)
    okt.svar({"oppseiing_kva": "ordninga"})
    stadfest, _, _ = _sei_opp(okt, I_DAG)
    assert "Den nye perioden frå" in stadfest and "tek då ikkje til å gjelde" in stadfest
    assert _hent(motor, sak2["id"])["status"] == "oppsagd"


# --- Written deadlines: arbeidsmiljølova §§ 14-5 and 14-8 (2024) ---

def _frist_rad(tekst: str) -> str:
    """The timeline's deadline row: its text and, in the next cell, its source."""
    linjer = tekst.splitlines()
    nr = next(i for i, line in enumerate(linjer) if "Siste dag for å skrive under" in line)
    return " ".join(linjer[nr:nr + 2])


def test_arbeidsmiljolova_14_8_fornya_ordinaer_avtale_frist_same_dag_ikkje_14_5(motor):
    """Item 6: a renewed ordinary agreement is due by the day it takes effect."""
    svar = _svar("nytilsett_arbeidsavtale.yml", ordning__fornya=True)
    skjerm, pdf, _ = _utkast(motor, svar)
    assert "arbeidsmiljølova § 14-8" in _frist_rad(skjerm) and "den nye perioden tek til å gjelde" in pdf


def test_arbeidsmiljolova_14_5_kort_tilsetjing_straks(motor):
    """Item 7: an employment shorter than one month is due in writing at once."""
    start = I_DAG + timedelta(days=20)
    svar = _svar("nytilsett_arbeidsavtale.yml", arbeidstakar__tilsett_fra=start.isoformat(),
                 arbeidstakar__mellombels_til=(start + timedelta(days=20)).isoformat(),
                 ordning__fra=start.isoformat(), ordning__til=None)
    skjerm, pdf, _ = _utkast(motor, svar)
    assert "straks, seinast første arbeidsdag" in _frist_rad(skjerm) and "kortare enn éin månad" in pdf


def test_arbeidsmiljolova_14_5_nytilsett_med_tilleggsavtale_fraa_forste_dag(motor):
    """Item 8: the new hire's tilleggsavtale from the first day: § 14-5's seven days."""
    start = I_DAG + timedelta(days=30)
    svar = _svar(arbeidstakar__nytilsett=True, arbeidstakar__tilsett_fra=start.isoformat(),
                 ordning__fra=start.isoformat(), ordning__til=(start + timedelta(days=200)).isoformat(),
                 ordning__samtykke_arbeidstakar=None, ordning__samtykke_arbeidsgivar=None)
    skjerm, _, _ = _utkast(motor, svar)
    assert "arbeidsmiljølova § 14-5" in _frist_rad(skjerm) and "7 dagar etter tiltredinga" in _frist_rad(skjerm)


# --- Timeline and renewal ---

def test_rettleiinga_5_3_6_fornying_gir_ingen_ny_proveperiode(motor):
    """Item 12: also when the first period's length was the default, not stored."""
    svar = _svar(ordning__til=(I_DAG + timedelta(days=20)).isoformat(),
                 ordning__fra=(I_DAG - timedelta(days=200)).isoformat())
    svar["ordning"].pop("proveperiode_manader", None)
    fornya = evaluer(signert(godkjend(copy.deepcopy(svar))), "arbeidstakar", "godt", "halde_fram", None, I_DAG)
    skjerm, pdf, _ = _utkast(motor, fornya["svar"])
    assert "Prøveperioden for ordninga sluttar" not in skjerm
    assert "ingen ny prøveperiode for ordninga" in pdf and "Prøveperioden for ordninga er" not in pdf


def test_statstilsettelova_15_og_17_tidslinja_for_nytilsett_paa_tilleggsavtale(motor):
    """Item 13: a new hire on a tilleggsavtale sees the employment's prøvetid beside the
    arrangement's prøveperiode; a temporary employee over one year sees § 17 (4)'s notice."""
    start = I_DAG + timedelta(days=10)
    svar = _svar(arbeidstakar__nytilsett=True, arbeidstakar__tilsett_fra=start.isoformat(),
                 arbeidstakar__mellombels_til=(start + timedelta(days=600)).isoformat(),
                 ordning__fra=start.isoformat(), ordning__til=(start + timedelta(days=300)).isoformat(),
                 ordning__samtykke_arbeidstakar=None, ordning__samtykke_arbeidsgivar=None)
    skjerm, _, _ = _utkast(motor, svar)
    assert "Prøvetida i tilsetjinga sluttar" in skjerm and "Prøveperioden for ordninga sluttar" in skjerm
    assert "statstilsettelova § 17 fjerde ledd" in skjerm


def test_statstilsettelova_15_forlenging_for_fravaer_er_eit_val_for_arbeidsgivaren(motor):
    """Item 14: the extension is shown as possible, with its date, not as made."""
    svar = _svar("nytilsett_arbeidsavtale.yml", arbeidstakar__fravaer_i_provetid_dagar=10)
    skjerm, pdf, _ = _utkast(motor, svar)
    assert "Arbeidsgivaren kan forlengje prøvetida med fråværet (10 dagar)" in skjerm
    assert "Arbeidsgivaren kan forlengje prøvetida med like lang tid" in pdf


# --- The agreements ---

def test_rettleiinga_5_3_6_tilleggsavtale_gjord_om_til_ordinaer_avtale(motor):
    """Item 15: the ordinary agreement says the tilleggsavtale ends, and what follows."""
    svar = _svar(ordning__avtaletype_valt="arbeidsavtale", ordning__til=None, ordning__fast_pa_ordinaer_kontorstad=False,
                 ordning__endra_fra="2027-06-01", ordning__tidlegare_avtaletype="tilleggsavtale")
    _, pdf, docx = _utkast(motor, svar)
    for tekst in (pdf, docx):
        assert "avløyser denne arbeidsavtala tilleggsavtala om desentralisert arbeid" in tekst
        assert "å seie opp arbeidsforholdet" in tekst and "Rettleiinga 5.3.6" in tekst


def test_arbeidsmiljolova_14_6_tidsavgrensa_ordinaer_avtale_seier_arbeidsstaden_etterpaa(motor):
    """Item 16 (§ 14-6 (1) b): where the employee works when the period ends."""
    svar = _svar("nytilsett_arbeidsavtale.yml", ordning__til="2028-12-31", ordning__avtaletype_valt="arbeidsavtale")
    _, pdf, _ = _utkast(motor, svar)
    assert "Frå og med dagen etter er arbeidsstaden den ordinære kontorstaden" in pdf


def test_arbeidsmiljolova_14_6_deltid_i_begge_avtalene(motor):
    """Item 17: the stillingsprosent and the employee's own hours, not «alminneleg» for all."""
    for fil in ("heimekontor_tilleggsavtale.yml", "nytilsett_arbeidsavtale.yml"):
        _, pdf, docx = _utkast(motor, _svar(fil, arbeidstakar__stillingsprosent=80))
        for tekst in (pdf, docx):
            assert "80 prosent av full stilling, det vil seie 30 timar i veka" in tekst, fil
            assert "har alminneleg arbeidstid i staten" not in tekst


def test_fleksitidsavtala_ytre_arbeidstid_som_gjeld_naar_avtala_blir_inngaatt(motor):
    """Item 18: an arrangement that started before 2018, agreed now, gets today's outer hours
    from the dated figures (06:00–21:00), not the pre-2018 ones."""
    svar = _svar(arbeidstakar__tilsett_fra="2015-01-01", ordning__fra="2016-03-01", ordning__til=None,
                 ordning__fast_pa_ordinaer_kontorstad=False)
    _, pdf, _ = _utkast(motor, svar)
    assert "ytre arbeidstida er kl. 06:00–21:00" in pdf and "07:00–20:00" not in pdf


def test_arbeidsmiljolova_14_8_hr_ser_underskrift_som_forfell_i_lista(motor):
    """Item 10: HR's list marks an approved, unsigned case whose signing deadline is today (the
    list's cell, as HR's interview renders it)."""
    from docassemble.desentral.reglar.datoar import nynorsk_dato
    from docassemble.desentral.lager.hrliste import hr_oversikt

    svar = _svar(ordning__fra=I_DAG.isoformat(), ordning__til=(I_DAG + timedelta(days=300)).isoformat())
    sak = _lagra(motor, godkjend(copy.deepcopy(svar)))
    with hr_okt(motor)._kontekst():
        tabell = synleg_tekst(hr_oversikt([_hent(motor, sak["id"])]))
    assert f"Skriftleg avtale {nynorsk_dato(I_DAG)}" in tabell
    with hr_okt(motor)._kontekst():
        tabell = synleg_tekst(hr_oversikt([_lagra(motor, signert(_hent(motor, sak["id"])))]))
    assert "Skriftleg avtale" not in tabell
