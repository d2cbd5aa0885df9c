"""Issue 13, screen coverage: the employee's screens walked the way a hesitant user walks them —
every help button opened, every choice tried before the one kept, «Tilbake» and forward again on
every screen (the answers must still be there), the cases that end outside the guideline and
«Start på nytt». The record of what was reached and clicked is skjermdekning.py's."""
from __future__ import annotations

from nettlesarhjelp import Intervju, fram_til_stad, logg_inn


def hjelp(iv: Intervju, knapp: str, tekst: str):
    """A help button opens its text under the question; a second click closes it."""
    iv.page.locator("#daquestion").get_by_role("button", name=knapp, exact=True).click()
    boks = iv.page.locator("#daquestionhelp")
    # Bootstrap ignores a click while the box is still opening: wait until it is open.
    iv.page.wait_for_selector("#daquestionhelp.show:not(.collapsing)")
    assert tekst in boks.inner_text()
    iv.page.locator("#daquestion").get_by_role("button", name=knapp, exact=True).click()
    boks.wait_for(state="hidden")


def alle_val(iv: Intervju, gruppe: str, alternativ: list[str]):
    """Try each choice in turn; the last one is the answer."""
    for a in alternativ:
        iv.val(gruppe, a)
    boks = iv.page.get_by_role("group", name=gruppe).get_by_label(alternativ[-1], exact=True)
    assert boks.is_checked(), (gruppe, alternativ[-1])


def tilbake_og_fram(iv: Intervju, forrige: str, felt: dict[str, str] | None = None):
    """«Tilbake» to the screen before, whose answers are shown again, then forward again."""
    her = iv.id
    iv.knapp("Tilbake", forrige)
    for label, verdi in (felt or {}).items():
        assert iv.page.get_by_label(label, exact=True).input_value() == verdi, (forrige, label)
    iv.hald_fram(her)


def endre_kvart_svar(iv: Intervju):
    """Every «Endre» on the review screen leads to its question and back to the review, the
    answer unchanged."""
    rader = iv.page.locator("#daquestion .da-review").filter(has=iv.page.get_by_role("button", name="Endre"))
    n = rader.count()
    assert n >= 14, n
    for i in range(n):
        rad = iv.page.locator("#daquestion .da-review").filter(has=iv.page.get_by_role("button", name="Endre")).nth(i)
        for_ = rad.inner_text()
        rad.get_by_role("button", name="Endre").click()
        iv.page.wait_for_function("() => !document.body.classList.contains('question-gjennomgang')")
        iv.sjekk()
        for _ in range(3):
            iv.hald_fram()
            if iv.id == "gjennomgang":
                break
        assert iv.id == "gjennomgang", (for_, iv.id)
        etter = iv.page.locator("#daquestion .da-review").filter(has=iv.page.get_by_role("button", name="Endre")).nth(i)
        assert etter.inner_text() == for_


def test_arbeidstakar_prover_alt_paa_kvar_skjerm(side, tenar, brukar):
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    hjelp(iv, "Kva dekkjer rettleiinga ikkje?", "punkt 2.1")
    iv.hald_fram("arbeidstakar")
    tilbake_og_fram(iv, "intro")
    iv.tekst("Namnet ditt", "Dekka Dekning")
    iv.tekst("Stilling", "rådgivar")
    iv.tekst("Bustadadressa di", "Fjellvegen 3, 6900 Florø")
    alle_val(iv, "Er du nytilsett i verksemda?", ["Ja", "Nei"])
    iv.hald_fram("verksemd")
    tilbake_og_fram(iv, "arbeidstakar", {"Namnet ditt": "Dekka Dekning", "Stilling": "rådgivar"})
    iv.tekst("Verksemda", "Direktoratet for døme")
    iv.tekst("Den ordinære kontorstaden din", "Oslo")
    iv.hald_fram("stad")
    tilbake_og_fram(iv, "verksemd", {"Verksemda": "Direktoratet for døme"})
    hjelp(iv, "Om dei tre situasjonane", "Arbeid frå utlandet er ikkje omfatta")
    alle_val(iv, "Arbeidsstad", ["Eit kontorfellesskap utanfor kontorstrukturen til verksemda",
                                 "Ein annan kontorstad i verksemda", "Ein stad i utlandet", "Heimekontor"])
    iv.hald_fram("dagpendling")
    tilbake_og_fram(iv, "stad")
    hjelp(iv, "Når er dagpendling ikkje realistisk?", "inga grense i kilometer")
    alle_val(iv, "Er dagpendling til kontorstaden realistisk for deg?", ["Ja", "Nei"])
    iv.tekst("Grunngjeving (reisetid, avstand o.l.)", "Sju timar kvar veg.")
    iv.hald_fram("samtykke")
    tilbake_og_fram(iv, "dagpendling", {"Grunngjeving (reisetid, avstand o.l.)": "Sju timar kvar veg."})
    alle_val(iv, "Ønskjer du sjølv å arbeide desentralisert?", ["Nei", "Ja"])
    alle_val(iv, "Har arbeidsgivaren sagt ja til ordninga?", ["Nei", "Ja"])
    iv.hald_fram("tilsetjing")
    tilbake_og_fram(iv, "samtykke")
    iv.dato("Første arbeidsdag i verksemda", "2020-01-06")
    alle_val(iv, "Er tilsetjinga mellombels?", ["Nei", "Ja"])
    iv.hald_fram("tilsetjing-slutt")
    tilbake_og_fram(iv, "tilsetjing", {"Første arbeidsdag i verksemda": "2020-01-06"})
    iv.dato("Siste arbeidsdag", "2028-06-30")
    iv.hald_fram("periode")
    tilbake_og_fram(iv, "tilsetjing-slutt", {"Siste arbeidsdag": "2028-06-30"})
    # HR formalises an arrangement that already runs: a start date in the past, confirmed.
    iv.dato("Startdato for ordninga", "2026-11-02")
    iv.page.get_by_text("Startdatoen er passert, og det er rett", exact=True).click()
    alle_val(iv, "Er ordninga tidsavgrensa?", ["Nei", "Ja"])
    iv.hald_fram("sluttdato")
    tilbake_og_fram(iv, "periode", {"Startdato for ordninga": "2026-11-02"})
    iv.dato("Sluttdato for ordninga", "2027-10-31")
    iv.hald_fram("avtaletype")
    tilbake_og_fram(iv, "sluttdato", {"Sluttdato for ordninga": "2027-10-31"})
    alle_val(iv, "Kva avtale vil de bruke?", ["Ordinær arbeidsavtale", "Tilleggsavtale til arbeidsavtala"])
    iv.hald_fram("arbeidsstad")
    tilbake_og_fram(iv, "avtaletype")
    iv.hald_fram("omfang")
    tilbake_og_fram(iv, "arbeidsstad", {"Namn og adresse": "Fjellvegen 3, 6900 Florø"})
    hjelp(iv, "Om omfang", "rettleiinga punkt 5.3.2")
    alle_val(iv, "Omfang", ["Heile stillinga", "Ein prosentdel av stillinga", "Faste vekedagar"])
    for dag in ("måndag", "tysdag", "onsdag", "torsdag", "fredag"):
        iv.kryss("Vekedagar med desentralisert arbeid", dag)
    for dag in ("onsdag", "torsdag", "fredag"):
        iv.kryss("Vekedagar med desentralisert arbeid", dag, pa=False)
    iv.tekst("Når er du på kvar stad (dag, veke eller månad)?", "Måndag og tysdag heime, elles i Oslo.")
    iv.hald_fram("tilgjengelegheit")
    tilbake_og_fram(iv, "omfang", {"Når er du på kvar stad (dag, veke eller månad)?": "Måndag og tysdag heime, elles i Oslo."})
    hjelp(iv, "Om tilgjengelegheit", "")
    kanalar = ["Telefon", "E-post", "Videomøte", "Chat i verksemda sine digitale verktøy"]
    for k in kanalar:
        # each box clicked once, whatever it starts as (some are ticked in advance)
        boks = iv.page.get_by_role("group", name="Kanalar").get_by_label(k, exact=True)
        for_ = boks.is_checked()
        iv.page.get_by_role("group", name="Kanalar").get_by_text(k, exact=True).click()
        assert boks.is_checked() != for_, k
    iv.kryss("Kanalar", "Ingen av desse")
    assert not any(iv.page.get_by_role("group", name="Kanalar").get_by_label(k, exact=True).is_checked() for k in kanalar)
    for k in ("Telefon", "E-post"):
        iv.kryss("Kanalar", k)
    iv.hald_fram("arbeidstid")
    tilbake_og_fram(iv, "tilgjengelegheit")
    hjelp(iv, "Om arbeidstid", "")
    alle_val(iv, "Er du med i fleksitidsordninga i verksemda?", ["Nei", "Ja"])
    iv.hald_fram("utstyr")
    tilbake_og_fram(iv, "arbeidstid")
    hjelp(iv, "Om utstyr og tryggleik", "")
    iv.hald_fram("utstyr-ansvar")
    tilbake_og_fram(iv, "utstyr")
    iv.hald_fram("hms")
    tilbake_og_fram(iv, "utstyr-ansvar")
    iv.hald_fram("proveperiode")
    tilbake_og_fram(iv, "hms")
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
    iv.hald_fram("vurdering")
    tilbake_og_fram(iv, "proveperiode", {"Oppseiingsfrist etter prøveperioden (månader)": "2"})
    iv.hald_fram("gjennomgang")
    tilbake_og_fram(iv, "vurdering")
    tekst = side.inner_text("#daquestion")
    assert "Dekka Dekning" in tekst and "måndag og tysdag" in tekst.lower()
    # (8) The review covers every answer, not ten of them.
    for rad in ("Arbeidsstad:", "Dagpendling:", "Samtykke:", "Tilsetjinga:", "mellombels til og med 30. juni 2028",
                "Tryggingsreglar:", "Ansvar for utstyr og dokument:", "Prøveperiode for ordninga og oppseiing:", "oppseiingsfrist 2 mnd."):
        assert rad in tekst, rad
    endre_kvart_svar(iv)
    iv.hald_fram("innsending")
    tilbake_og_fram(iv, "gjennomgang")
    iv.knapp("Send til HR", "avtale-ferdig")
    assert "Saka er sendt til HR" in side.inner_text("#daquestion")


def test_utanfor_rettleiinga_tilbake_og_start_paa_nytt(side, tenar):
    """Ordinary home office and a refused consent end outside the guideline, with the reason;
    «Tilbake» lets the user correct the answer, «Start på nytt» begins again empty."""
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Unni Utanfor", nytilsett=False, bustad="Storgata 1, 0155 Oslo")
    iv.val("Arbeidsstad", "Heimekontor")
    iv.hald_fram("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Ja")
    iv.hald_fram("utanfor-omfang")
    assert "2.1" in side.inner_text("#daquestion")
    iv.knapp("Tilbake", "dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    iv.hald_fram("samtykke")
    iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja")
    iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Nei")
    iv.hald_fram("utanfor-omfang")
    assert "5.3.1" in side.inner_text("#daquestion")
    iv.knapp("Start på nytt", "intro")
    iv.hald_fram("arbeidstakar")
    assert side.get_by_label("Namnet ditt", exact=True).input_value() == ""


def test_tidsuavgrensa_ordning_spor_om_fast_kontorstad(side, tenar):
    """An open-ended arrangement for a new hire asks whether the ordinary office stays a fixed
    workplace (Rettleiinga 5.3.2), with its help; the answer decides the recommendation."""
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Frida Fast", nytilsett=True)
    iv.val("Arbeidsstad", "Ein annan kontorstad i verksemda")
    iv.hald_fram("tilsetjing")
    iv.dato("Første arbeidsdag i verksemda", "2027-02-01")
    iv.val("Er tilsetjinga mellombels?", "Nei")
    iv.hald_fram("periode")
    iv.dato("Startdato for ordninga", "2027-02-01")
    iv.val("Er ordninga tidsavgrensa?", "Nei")
    iv.hald_fram("fast-kontorstad")
    hjelp(iv, "Kvifor spør vi om dette?", "punkt 5.3.2")
    tilbake_og_fram(iv, "periode", {"Startdato for ordninga": "2027-02-01"})
    alle_val(iv, "Held du fram med å arbeide fast frå den ordinære kontorstaden ein del av tida?", ["Ja", "Nei"])
    iv.hald_fram("avtaletype")
    assert "ei ordinær arbeidsavtale" in side.inner_text("#daquestion")
