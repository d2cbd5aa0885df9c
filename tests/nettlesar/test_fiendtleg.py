"""Issue 6 in the browser: hostile text typed into every free-text field of the employee interview
on the real server comes back literally on the review screen, in the PDF and in the DOCX; no
script runs; bad values get Nynorsk messages naming the field and the typed answers stay."""
from __future__ import annotations

import fiendtleg
from nettlesarhjelp import Intervju, docx_tekst, logg_inn, pdf_tekst

# The interview's free-text fields in screen order, with their labels and length limits.
FELT = [
    ("arbeidstakar", "Namnet ditt", 200),
    ("arbeidstakar", "Stilling", 200),
    ("arbeidstakar", "Bustadadressa di", 200),
    ("verksemd", "Verksemda", 200),
    ("verksemd", "Den ordinære kontorstaden din", 200),
    ("dagpendling", "Grunngjeving (reisetid, avstand o.l.)", 4000),
    ("arbeidsstad", "Namn og adresse", 200),
    ("omfang", "Når er du på kvar stad (dag, veke eller månad)?", 4000),
    ("tilgjengelegheit", "Tidsrom du er tilgjengeleg", 200),
    ("tilgjengelegheit", "Møte der du skal vere fysisk til stades på den ordinære kontorstaden", 4000),
    ("arbeidstid", "Korleis blir arbeidstida registrert?", 200),
    ("utstyr", "Utstyr arbeidsgivaren stiller til rådvelde", 4000),
    ("utstyr", "Tryggingsreglar som gjeld på arbeidsstaden", 4000),
    ("utstyr-ansvar", "Kven eig, driftar og vedlikeheld utstyret, og kven ber kostnadene?", 4000),
    ("utstyr-ansvar", "Saksbehandling, teieplikt og oppbevaring av dokument", 4000),
]


def test_fiendtleg_tekst_i_alle_fritekstfelt(side, tenar, brukar):
    dialogar = []
    side.on("dialog", lambda d: (dialogar.append(d.message), d.dismiss()))
    felt = [(label, maks) for _, label, maks in FELT]
    verdiar = fiendtleg.fordel(felt, 0, 4, forskyv=True)

    def fyll(skjerm):
        for s, label, _ in FELT:
            if s == skjerm:
                iv.tekst(label, verdiar[label])

    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    iv.hald_fram("arbeidstakar")
    fyll("arbeidstakar")
    iv.val("Er du nytilsett i verksemda?", "Nei")
    iv.hald_fram("verksemd")
    fyll("verksemd")
    iv.hald_fram("stad")
    iv.val("Arbeidsstad", "Heimekontor")
    iv.hald_fram("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    fyll("dagpendling")
    iv.hald_fram("samtykke")
    iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja")
    iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Ja")
    iv.hald_fram("tilsetjing")
    iv.dato("Første arbeidsdag i verksemda", "2021-03-01")
    iv.val("Er tilsetjinga mellombels?", "Nei")
    iv.hald_fram("periode")
    iv.dato("Startdato for ordninga", "2027-01-01")
    iv.val("Er ordninga tidsavgrensa?", "Ja")
    iv.hald_fram("sluttdato")
    iv.dato("Sluttdato for ordninga", "2999-12-31")
    avvist(side, "Sluttdato for ordninga: året 2999 er ikkje truleg (må vere mellom 1970 og 2100).")
    iv.dato("Sluttdato for ordninga", "2027-12-31")
    iv.hald_fram("avtaletype")
    iv.hald_fram("arbeidsstad")
    # A blank address is refused with the field's name; the earlier answers reach the documents.
    iv.tekst("Namn og adresse", "   ")
    avvist(side, "Namn og adresse: feltet er tomt.")
    fyll("arbeidsstad")
    iv.hald_fram("omfang")
    iv.val("Omfang", "Ein prosentdel av stillinga")
    iv.tekst("Prosent desentralisert arbeid", "60")
    fyll("omfang")
    iv.hald_fram("tilgjengelegheit")
    fyll("tilgjengelegheit")
    iv.hald_fram("arbeidstid")
    fyll("arbeidstid")
    iv.hald_fram("utstyr")
    fyll("utstyr")
    iv.hald_fram("utstyr-ansvar")
    fyll("utstyr-ansvar")
    iv.hald_fram("hms")
    iv.hald_fram("proveperiode")
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
    iv.hald_fram("vurdering")
    iv.hald_fram("gjennomgang")
    # The review screen shows the typed text as text.
    synleg = fiendtleg.bokstavleg(side.inner_text("#daquestion"))
    for label in ("Namnet ditt", "Namn og adresse", "Utstyr arbeidsgivaren stiller til rådvelde"):
        for v in fiendtleg.forventa({label: verdiar[label]}):
            assert fiendtleg.bokstavleg(v) in synleg, (label, v[:80])
    assert side.locator("#daquestion script, #daquestion a[href^='javascript'], #daquestion h1:has-text('Overskrift')").count() == 0
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    assert dialogar == []  # no alert(1) ran on any screen

    filer = iv.dokument()
    forventa = fiendtleg.forventa(verdiar)
    assert len(forventa) > 3 * len(felt)
    for namn, tekst in (("PDF", pdf_tekst(filer["pdf"])), ("DOCX", docx_tekst(filer["docx"]))):
        assert fiendtleg.manglar_i(tekst, forventa) == [], namn
        assert fiendtleg.forbodne_i(tekst) == [], namn


def avvist(side, melding: str):
    """Continue, and wait for the server's message next to the field."""
    fra = side.locator("body").get_attribute("class")
    side.get_by_role("button", name="Hald fram", exact=True).click()
    side.wait_for_selector(f".invalid-feedback:has-text({melding!r})")
    assert side.locator("body").get_attribute("class") == fra
