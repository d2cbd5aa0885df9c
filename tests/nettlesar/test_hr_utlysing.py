"""Issue 13 (1): HR makes a job-advert text in the browser, with and without home office (the
follow-up question on its own screen; before, «Hald fram» did nothing once a form was ticked)."""
from __future__ import annotations

from nettlesarhjelp import Intervju, docx_tekst, logg_inn
from test_hr_nettlesar import HR_URL


def _til_utlysing(side, tenar, hr_brukar) -> Intervju:
    logg_inn(side, tenar, hr_brukar)
    hr = Intervju(side, tenar)
    side.goto(tenar + HR_URL)
    side.wait_for_selector("body.question-hr-saker")
    hr.sjekk()
    hr.val("Kva vil du gjere?", "Lage tekst til ei utlysing")
    hr.hald_fram("utlysing")
    return hr


def test_utlysing_med_heimekontor(side, tenar, hr_brukar):
    hr = _til_utlysing(side, tenar, hr_brukar)
    hr.kryss("Former", "Kontorfellesskap utanfor kontorstrukturen til verksemda")
    hr.kryss("Former", "Heimekontor når dagpendling ikkje er realistisk")
    hr.tekst("Aktuelle kontorfellesskap eller lokale (tomt = arbeidsgivaren avgjer)", "Hubben på Lillehammer")
    hr.hald_fram("utlysing-heimekontor")
    # HR weighs the three answers before settling on one.
    for val in ("Fast", "Begge delar", "Mellombels"):
        hr.val("Heimekontor", val)
    hr.hald_fram("utlysing-tekst")
    tekst = side.inner_text("#daquestion")
    assert "Hubben på Lillehammer" in tekst and "Heimekontor kan vere ei mellombels ordning." in tekst
    fil = hr.dokument(("docx",))["docx"]
    assert "kvalifikasjonsprinsippet" in docx_tekst(fil)
    hr.knapp("Tilbake til lista", "hr-saker")


def test_utlysing_utan_heimekontor(side, tenar, hr_brukar):
    hr = _til_utlysing(side, tenar, hr_brukar)
    hr.kryss("Former", "Ein annan kontorstad i verksemda")
    hr.hald_fram("utlysing-tekst")
    tekst = side.inner_text("#daquestion")
    assert "annan kontorstad" in tekst and "Heimekontor kan" not in tekst
