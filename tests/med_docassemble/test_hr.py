"""Hand-over to HR, return with a comment, resubmission and approval, on docassemble's engine.
(The access control itself is the server's; the browser tests check it. Here: the interview's
own declaration of who may open it.)"""
from __future__ import annotations

import fiendtleg
import pytest
from motorhjelp import SVAR_HEIMEKONTOR, docx_tekst, gjennom, normaliser, ny_okt, pdf_tekst, synleg_tekst


def hr_okt(motor):
    return motor.okt("hr.yml", roller=["user", "hr"], epost="hr@example.com", brukar_id=99)


def test_berre_hr_og_admin_kan_opne_hr_intervjuet(motor):
    interview = hr_okt(motor).interview
    assert interview.allowed_to_access(is_anonymous=False, has_roles=["hr"])
    assert interview.allowed_to_access(is_anonymous=False, has_roles=["admin"])
    assert not interview.allowed_to_access(is_anonymous=False, has_roles=["user"])
    assert not interview.allowed_to_access(is_anonymous=True, has_roles=[])


def test_innsending_krev_innlogging(motor):
    from docassemble.desentral.kommando.svarmotor import Valideringsfeil

    okt = motor.okt("tilsett.yml")  # anonymous
    svar = {k: v for k, v in SVAR_HEIMEKONTOR.items() if k != "innsending"}
    with pytest.raises(AssertionError, match="uventa skjerm 'innsending'"):
        gjennom(okt, svar)
    with pytest.raises(Valideringsfeil, match="logga inn"):
        okt.svar({"innsending_stadfesta": True})


def test_sak_gjennom_hr_retur_og_godkjenning(motor):
    tilsett = ny_okt(motor)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    assert tilsett.skjerm.id == "avtale-ferdig" and "Saka er sendt til HR" in tilsett.skjerm.tekst
    sak_id = tilsett.user_dict["sak"]["id"]

    hr = hr_okt(motor)
    assert hr.skjerm.id == "hr-saker"
    assert "Kari Nordmann" in hr.skjerm.undertekst and "Sendt til HR" in hr.skjerm.undertekst
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    assert hr.skjerm.id == "hr-sak"
    assert "Sjekkliste" in hr.skjerm.undertekst and "frivilligheit" in hr.skjerm.undertekst
    assert '<th scope="col">Punkt</th>' in hr.skjerm.html and "<td>frivilligheit</td>" in hr.skjerm.html
    [utkast] = hr.skjerm.vedlegg
    assert "Utkast – ikkje godkjent" in normaliser(pdf_tekst(utkast.filer["pdf"]))
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "returner",
             "hr_kommentar": "Skriv kva utstyr du treng heime."})
    assert hr.skjerm.id == "hr-utfort" and "returnert" in hr.skjerm.tekst

    # The employee comes back, sees the comment, changes an answer and submits again.
    tilsett.last_inn()
    assert tilsett.skjerm.id == "returnert"
    assert "Skriv kva utstyr du treng heime." in synleg_tekst(tilsett.skjerm.html)
    tilsett.svar({"retur_lesen": True})
    assert tilsett.skjerm.id == "gjennomgang"
    tilsett.sett({"ordning.utstyr": "Berbar PC, skjerm og kontorstol."})
    tilsett.svar({"gjennomgang_ferdig": True})
    assert tilsett.skjerm.id == "innsending"
    tilsett.svar({"innsending_stadfesta": True})
    assert tilsett.skjerm.id == "avtale-ferdig"
    # Issue 13: the draft offered after resubmitting is the new version, not the first one.
    [nytt_utkast] = tilsett.skjerm.vedlegg
    assert "Berbar PC, skjerm og kontorstol." in normaliser(pdf_tekst(nytt_utkast.filer["pdf"]))

    hr.svar({"hr_utfort": True})
    assert hr.skjerm.id == "hr-saker" and "Sendt til HR" in hr.skjerm.undertekst
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    assert "versjon 2" in hr.skjerm.undertekst
    hr.svar({"hr_utstyr": "Berbar PC, skjerm og kontorstol frå verksemda.",
             "hr_tryggingsreglar": "Reglane for informasjonstryggleik i verksemda gjeld.",
             "hr_avgjerd": "godkjenn"})
    assert hr.skjerm.id == "hr-utfort" and "godkjend" in hr.skjerm.tekst
    [endeleg] = hr.skjerm.vedlegg
    for tekst in (normaliser(pdf_tekst(endeleg.filer["pdf"])), normaliser(docx_tekst(endeleg.filer["docx"]))):
        assert "Utkast" not in tekst
        assert "Berbar PC, skjerm og kontorstol frå verksemda." in tekst
        assert "For arbeidsgivaren:" in tekst and "Arbeidstakar:" in tekst

    tilsett.last_inn()
    assert tilsett.skjerm.id == "avtale-ferdig" and "Avtala er godkjend" in tilsett.skjerm.tekst
    [tilsett_endeleg] = tilsett.skjerm.vedlegg
    assert normaliser(pdf_tekst(tilsett_endeleg.filer["pdf"])) == normaliser(pdf_tekst(endeleg.filer["pdf"]))


def test_utlysingstekst_i_hr_intervjuet(motor):
    hr = hr_okt(motor)
    hr.svar({"hr_val": "utlysing"})
    assert hr.skjerm.id == "utlysing"
    hr.svar({"utlysing_former": ["1", "3"], "utlysing_stader": "<b>Hubben</b> på Lillehammer"})
    assert hr.skjerm.id == "utlysing-heimekontor"
    hr.svar({"utlysing_heimekontor": "mellombels"})
    assert hr.skjerm.id == "utlysing-tekst"
    assert "<b>Hubben</b> på Lillehammer" in synleg_tekst(hr.skjerm.html) and "<b>Hubben" not in hr.skjerm.html
    assert "kvalifikasjonsprinsippet" in hr.skjerm.undertekst
    [docx] = hr.skjerm.vedlegg
    tekst = docx_tekst(docx.filer["docx"])
    assert "<b>Hubben</b> på Lillehammer" in tekst and "mellombels ordning" in tekst


def test_fiendtleg_tekst_paa_hr_skjermane_og_i_den_endelege_avtala(motor):
    """Issue 6 on the HR path: a hostile name on HR's screens, a hostile return comment on the
    employee's screen, and HR's hostile completions in the approved documents — all literal."""
    namn = "<script>alert(1)</script> ${ 7*7 } **feit** [x](javascript:alert(1))"
    tilsett = ny_okt(motor)
    svar = {**SVAR_HEIMEKONTOR, "arbeidstakar": {**SVAR_HEIMEKONTOR["arbeidstakar"], "arbeidstakar.namn": namn}}
    gjennom(tilsett, svar)
    sak_id = tilsett.user_dict["sak"]["id"]

    hr = hr_okt(motor)
    assert namn in synleg_tekst(hr.skjerm.html) and "<script>" not in hr.skjerm.html
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    assert namn in synleg_tekst(hr.skjerm.html) and "<script>" not in hr.skjerm.html
    kommentar = "\n".join(fiendtleg.VERDIAR)
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "returner",
             "hr_kommentar": kommentar})
    tilsett.last_inn()
    assert tilsett.skjerm.id == "returnert" and "<script>" not in tilsett.skjerm.html
    synleg = fiendtleg.bokstavleg(synleg_tekst(tilsett.skjerm.html))
    assert [v for v in fiendtleg.VERDIAR if fiendtleg.bokstavleg(v) not in synleg] == []
    tilsett.svar({"retur_lesen": True})
    tilsett.svar({"gjennomgang_ferdig": True})
    tilsett.svar({"innsending_stadfesta": True})

    hr.svar({"hr_utfort": True})
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    felt = [("hr_utstyr", 4000), ("hr_tryggingsreglar", 4000)]
    verdiar = fiendtleg.fordel(felt, 0, 1)
    hr.svar({**verdiar, "hr_avgjerd": "godkjenn"})
    [endeleg] = hr.skjerm.vedlegg
    forventa = fiendtleg.forventa(verdiar) + [f"Arbeidstakar: {namn}"]
    for tekst in (pdf_tekst(endeleg.filer["pdf"]), docx_tekst(endeleg.filer["docx"])):
        assert fiendtleg.manglar_i(tekst, forventa) == []
        assert fiendtleg.forbodne_i(tekst) == []


def test_utlysing_utan_heimekontor_spor_ikkje_om_heimekontor(motor):
    """Issue 13: a job advert for the office forms only goes straight to the text."""
    hr = hr_okt(motor)
    hr.svar({"hr_val": "utlysing"})
    hr.svar({"utlysing_former": {"1": True, "2": True, "3": False}, "utlysing_stader": ""})
    assert hr.skjerm.id == "utlysing-tekst"
    assert "Heimekontor" not in hr.skjerm.undertekst and "kontorfellesskap" in hr.skjerm.undertekst


def test_start_paa_nytt_etter_innsending_tek_saka_med(motor):
    """Issue 13 (3): «Start på nytt» keeps the session (docassemble's restart: same session, a
    fresh dictionary); the session's case, and its answers, come back."""
    from docassemble.base.parse import get_initial_dict

    tilsett = ny_okt(motor, brukar_id=77)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak_id = tilsett.user_dict["sak"]["id"]
    # As docassemble's restart does: the same session, a fresh dictionary.
    ferskt = get_initial_dict()
    ferskt["url_args"] = {}
    ferskt["_internal"]["starttime"] = ferskt["_internal"]["modtime"] = None
    tilsett.user_dict = ferskt
    tilsett.last_inn()
    assert tilsett.skjerm.id == "avtale-ferdig" and "Saka er sendt til HR" in tilsett.skjerm.tekst
    assert tilsett.user_dict["sak"]["id"] == sak_id
    [utkast] = tilsett.skjerm.vedlegg
    assert "Kari Nordmann" in normaliser(pdf_tekst(utkast.filer["pdf"]))

    # HR returns it: the restarted session shows HR's comment, as the first one would.
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "returner",
             "hr_kommentar": "Før opp kontorstolen."})
    tilsett.last_inn()
    assert tilsett.skjerm.id == "returnert" and "Før opp kontorstolen." in synleg_tekst(tilsett.skjerm.html)


def test_hr_lista_skil_sakene_og_hr_kan_gaa_tilbake_utan_avgjerd(motor):
    """Issue 13 (5): the list names e-mail, version and the day sent; HR can leave a case
    without deciding, and it stays as it was."""
    tilsett = ny_okt(motor, epost="lista@example.com", brukar_id=88)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak = tilsett.user_dict["sak"]
    hr = hr_okt(motor)
    synleg = synleg_tekst(hr.skjerm.html)
    for overskrift in ("E-post", "Versjon", "Sendt inn", "Sist endra"):
        assert overskrift in synleg
    assert "lista@example.com" in synleg
    # The choice of case names e-mail, day sent and version.
    assert f"(lista@example.com, sendt {sak['historikk'][-1]['tid'][:10]}, versjon 1)" in synleg
    hr.svar({"hr_val": "sak", "valt_sak_id": sak["id"]})
    assert hr.skjerm.id == "hr-sak"
    hr.svar({"hr_utstyr": "Endra av HR", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "ingen"})
    assert hr.skjerm.id == "hr-saker"
    with hr._kontekst():
        from docassemble.desentral.lager.sakslager import hent_sak

        assert hent_sak(sak["id"]) == sak


def test_godkjend_arbeidsavtale_har_ingen_tomme_felt(motor):
    """Issue 13 (4): HR completes every «Fyllast ut» of an ordinary agreement before approving;
    approval with a blank is refused, naming it; the approved documents carry no draft wording."""
    from docassemble.desentral.kommando.svarmotor import Valideringsfeil
    from test_intervju import NYTILSETT_HUB

    tilsett = ny_okt(motor, brukar_id=66)
    gjennom(tilsett, NYTILSETT_HUB)
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": tilsett.user_dict["sak"]["id"]})
    assert "Fødselsnummer" in synleg_tekst(hr.skjerm.html)
    felt = {"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_lonn": "Lønstrinn 60",
            "hr_stillingskode": "1434 rådgivar", "hr_fodselsnummer": "",
            "hr_utbetaling": "Den 12. kvar månad; Statens pensjonskasse."}
    with pytest.raises(Valideringsfeil, match="Fyll ut før du godkjenner: Fødselsnummer"):
        hr.svar({**felt, "hr_avgjerd": "godkjenn"})
    hr.svar({**felt, "hr_fodselsnummer": "01017012345", "hr_avgjerd": "godkjenn"})
    assert hr.skjerm.id == "hr-utfort"
    [endeleg] = hr.skjerm.vedlegg
    assert "Utkast" not in endeleg.namn
    for tekst in (normaliser(pdf_tekst(endeleg.filer["pdf"])), normaliser(docx_tekst(endeleg.filer["docx"]))):
        assert "Fyllast ut" not in tekst and "Utkast" not in tekst
        assert "Fødselsnummer: 01017012345" in tekst and "Statens pensjonskasse" in tekst


def test_hr_ser_namnet_bokstavleg_i_vallista(motor):
    """Issue 13: a name with character references and markup stands in HR's choice of case as
    typed (docassemble's option text decoded `&amp;` to `&`)."""
    from html.parser import HTMLParser

    namn = "Ann &amp; Bo &lt;b&gt; <i>x</i> &#38; Co"
    tilsett = ny_okt(motor, epost="val@example.com", brukar_id=77)
    svar = {**SVAR_HEIMEKONTOR, "arbeidstakar": {**SVAR_HEIMEKONTOR["arbeidstakar"], "arbeidstakar.namn": namn}}
    gjennom(tilsett, svar)
    sak_id = tilsett.user_dict["sak"]["id"]

    class Val(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.val, self._i = {}, None

        def handle_starttag(self, tag, attrs):
            if tag == "option":
                self._i = dict(attrs).get("value")
                self.val[self._i] = ""

        def handle_endtag(self, tag):
            self._i = None if tag == "option" else self._i

        def handle_data(self, data):
            if self._i is not None:
                self.val[self._i] += data

    hr = hr_okt(motor)
    p = Val()
    p.feed(hr.skjerm.html)
    assert p.val[sak_id].startswith(f"{namn}, Direktoratet for døme (val@example.com"), p.val[sak_id]


def test_hr_saksida_avgjer_ein_gong(motor, monkeypatch):
    """Issue 14: HR's case page makes one decision; the checklist, the fields HR completes and
    the draft read it (before: three)."""
    import docassemble.desentral.reglar.livslop as livslop

    tilsett = ny_okt(motor, epost="ein@example.com", brukar_id=66)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak_id = tilsett.user_dict["sak"]["id"]
    hr = hr_okt(motor)
    kall = []
    ekte = livslop.vurder
    monkeypatch.setattr(livslop, "vurder", lambda *a, **k: (kall.append(1), ekte(*a, **k))[1])
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    assert hr.skjerm.id == "hr-sak" and hr.skjerm.vedlegg
    assert len(kall) == 1, len(kall)


def test_tidslinja_paa_skjermane_til_tilsett_og_hr(motor):
    """Issue 16: the employee's last screen and HR's case show the arrangement's dates, each from
    the decision, with its source; HR sees the status of each."""
    from docassemble.desentral.reglar.datoar import nynorsk_dato

    from datetime import date, timedelta

    # The arrangement starts in ten days: its signing deadline (§ 14-8: that same day) falls
    # within HR's 30 days, so the list has something to show.
    start = date.today() + timedelta(days=10)
    svar = {**SVAR_HEIMEKONTOR, "periode": {**SVAR_HEIMEKONTOR["periode"], "ordning.fra": start.isoformat()},
            "sluttdato": {"ordning.sluttdato": (start + timedelta(days=364)).isoformat()},
            "arbeidstakar": {**SVAR_HEIMEKONTOR["arbeidstakar"], "arbeidstakar.namn": "Tidslinje Testesen"}}
    tilsett = ny_okt(motor, brukar_id=161)
    gjennom(tilsett, svar)
    assert tilsett.skjerm.id == "avtale-ferdig"
    tidslinje = tilsett.user_dict["vurdering"]["tidslinje"]
    assert [p["kva"] for p in tidslinje][:2] == ["skriftleg_frist", "proveperiode_slutt"]
    tekst = synleg_tekst(tilsett.skjerm.html)
    assert "Datoar å hugse" in tekst
    for p in tidslinje:
        assert f"{nynorsk_dato(p['dato'])}\n{p['tekst']}\n{p['kjelde']}" in tekst
    assert "Rettleiinga 5.3.6" in tekst and "arbeidsmiljølova § 14-8" in tekst

    hr = hr_okt(motor)
    # HR's list: what falls due within 30 days for this case, computed for today.
    from docassemble.desentral.reglar.tidslinje import hr_datomerknad

    assert '<th scope="col">Datoar innan 30 dagar</th>' in hr.skjerm.html
    import html as html_
    import re

    rader = [[html_.unescape(c) for c in re.findall(r"<td>(.*?)</td>", rad)]
             for rad in re.findall(r"<tr>(.*?)</tr>", hr.skjerm.html)]
    rader = [r for r in rader if r and r[0] == "Tidslinje Testesen"]
    assert len(rader) == 1, "saka står ikkje i HR-lista"
    kolonne = [html_.unescape(h) for h in re.findall(r'<th scope="col">(.*?)</th>', hr.skjerm.html)].index(
        "Datoar innan 30 dagar")
    assert rader[0][kolonne] == hr_datomerknad(tidslinje, False, date.today()) == f"Skriftleg avtale {nynorsk_dato(start)}"
    hr.svar({"hr_val": "sak", "valt_sak_id": tilsett.user_dict["sak"]["id"]})
    assert hr.skjerm.id == "hr-sak"
    assert "Datoar å halde" in hr.skjerm.undertekst
    assert '<th scope="col">Status</th>' in hr.skjerm.html
    hr_tekst = synleg_tekst(hr.skjerm.html)
    for p in tidslinje:
        assert f"{nynorsk_dato(p['dato'])}\n{p['tekst']}\n{p['kjelde']}" in hr_tekst


def _namn_i_tabellen(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    return [r.find("td").get_text(strip=True) for r in BeautifulSoup(html, "html.parser").select("table tbody tr")]


def test_hr_lista_blir_vist_i_sider(motor):
    """HR's list shows PER_SIDE cases a page, with where HR is and links to the pages around
    (a table of every case grew past 16 000 pixels); the rest stays one link away."""
    import copy
    import re
    from pathlib import Path

    import yaml

    from docassemble.desentral.lager.hrliste import PER_SIDE
    from docassemble.desentral.reglar.saker import ny_sak, returner, send_inn
    from docassemble.desentral.lager.sakslager import lagre_sak

    dome = Path(__file__).resolve().parents[2] / "docassemble/desentral/data/sources/dome/heimekontor_tilleggsavtale.yml"
    grunn = yaml.safe_load(dome.read_text("utf-8"))
    mine = [f"Sidetest {i:02d}" for i in range(PER_SIDE + 3)]
    with motor.okt("versjon.yml")._kontekst():
        for i, namn in enumerate(mine):
            svar = copy.deepcopy(grunn)
            svar["arbeidstakar"]["namn"] = namn
            # Returned, so they stay out of the other tests' default view (cases waiting for HR).
            lagre_sak(returner(send_inn(ny_sak(svar, 500 + i, f"t{i}@example.com"), svar), "Sjå på sidene."))
    hr = hr_okt(motor)
    assert hr.skjerm.id == "hr-saker"
    hr.sett({"hr_filter": "returnert"})
    # The store is shared with the other engine tests: count what the list says it holds.
    talet = int(re.search(r"Returnerte \((\d+)\)", synleg_tekst(hr.skjerm.html)).group(1))
    sider = -(-talet // PER_SIDE)
    assert talet >= len(mine) and sider >= 2
    sette = []
    for side in range(1, sider + 1):
        hr.sett({"hr_side": side})
        namn = _namn_i_tabellen(hr.skjerm.html)
        tekst = synleg_tekst(hr.skjerm.html)
        fra, til = (side - 1) * PER_SIDE + 1, min(side * PER_SIDE, talet)
        assert len(namn) == til - fra + 1, (side, len(namn))
        assert f"Side {side} av {sider} (sak {fra}–{til} av {talet})" in tekst
        assert ("Førre side" in tekst) == (side > 1) and ("Neste side" in tekst) == (side < sider)
        sette += namn
    # Every case once, over the pages: none twice, none left out.
    assert len(sette) == talet and set(mine) <= set(sette) and len(set(mine) & set(sette)) == len(mine)
    # A page past the end (an edited link) shows the last page.
    hr.sett({"hr_side": sider + 5})
    assert f"Side {sider} av {sider}" in synleg_tekst(hr.skjerm.html)
