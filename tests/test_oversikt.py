"""Issue 31, item 4: HR's overview counted from stored cases (oversikt.py, without docassemble):
counts by status, situation, agreement type and municipality, filters, the quarter's dates, and
the exports with typed names as text."""
from __future__ import annotations

import csv
import io
import time
from datetime import date

from saksbyggjar import godkjend
from docassemble.desentral.reglar.oversikt import fakta, kvartal, oversikt, samandrag, som_csv, som_xlsx
from docassemble.desentral.reglar.saker import ny_sak, send_inn

FORMEL = '=HYPERLINK("http://x","klikk")'


def _sak(svar_dict, kommune=None, namn="Kari", stad=None, godkjenn=True):
    svar = dict(svar_dict, arbeidstakar=dict(svar_dict["arbeidstakar"], namn=namn),
                ordning=dict(svar_dict["ordning"], kommune=kommune, **({"stad": stad} if stad else {})))
    sak = godkjend(svar) if godkjenn else send_inn(ny_sak(svar, 7, "k@example.com"), svar)
    return dict(sak, oversikt=fakta(sak))


def test_kvartal():
    assert kvartal(date(2027, 2, 14)) == (date(2027, 1, 1), date(2027, 3, 31))
    assert kvartal(date(2027, 12, 31)) == (date(2027, 10, 1), date(2027, 12, 31))
    assert kvartal(date(2028, 5, 1)) == (date(2028, 4, 1), date(2028, 6, 30))


def test_tal_og_filter(svar_dict):
    saker = [_sak(svar_dict, "4601"), _sak(svar_dict, "4601"), _sak(svar_dict, "0301", godkjenn=False),
             _sak(svar_dict, None), ny_sak(svar_dict, 8, "utkast@example.com")]
    o = oversikt(saker, None, date(2027, 3, 1))
    assert o["tal"] == 4  # the draft is no arrangement
    assert dict(o["kommune"]) == {"Bergen": 2, "Oslo": 1, "Ikkje oppgitt": 1}
    assert o["kommune"][0] == ("Bergen", 2)
    assert dict(o["status"]) == {"Godkjend": 3, "Sendt til HR": 1}
    stad = svar_dict["ordning"]["stad"]
    assert sum(n for _, n in o["situasjon"]) == 4 and len(o["situasjon"]) == 1
    assert sum(n for _, n in o["avtaletype"]) == 4
    berre_bergen = oversikt(saker, {"kommune": "4601", "status": "alle"}, date(2027, 3, 1))
    assert berre_bergen["tal"] == 2 and dict(berre_bergen["kommune"]) == {"Bergen": 2}
    assert oversikt(saker, {"status": "innsendt"}, date(2027, 3, 1))["tal"] == 1
    assert oversikt(saker, {"situasjon": stad + "x"}, date(2027, 3, 1))["tal"] == 0


def test_datoane_i_kvartalet(svar_dict):
    sak = _sak(svar_dict, "4601")
    datoar = [date.fromisoformat(d["dato"]) for d in sak["oversikt"]["datoar"]]
    dag = datoar[0]
    o = oversikt([sak], None, dag)
    fra, til = kvartal(dag)
    assert o["forfall"] and all(fra <= p["dato"] <= til for p in o["forfall"])
    assert [p["dato"] for p in o["forfall"]] == sorted(d for d in datoar if fra <= d <= til)
    # The timeline: every week of the quarter in order, each date in its own week.
    veker = o["forfall_per_veke"]
    assert 13 <= len(veker) <= 14 and veker[0][0].startswith(f"Veke {fra.isocalendar()[1]} (frå ")
    assert sum(n for _, n in veker) == len(o["forfall"])
    for p in o["forfall"]:
        assert dict(veker)[next(v for v, _ in veker if v.startswith(f"Veke {p['dato'].isocalendar()[1]} "))] >= 1


def test_ei_sak_utan_lagra_fakta_blir_rekna(svar_dict):
    sak = _sak(svar_dict, "4601")
    assert oversikt([dict(sak, oversikt=None)], None, date(2027, 3, 1))["kommune"] == [("Bergen", 1)]


def test_eksport_skriv_namn_som_tekst(svar_dict):
    o = oversikt([_sak(svar_dict, "5501", namn=FORMEL)], None, date(2027, 3, 1))
    tekst = som_csv(o, med_saker=True).decode("utf-8-sig")
    rader = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert ["Tromsø", "1"] in rader
    assert any(r and r[0] == "'" + FORMEL for r in rader)
    # The leadership's export has counts only: no name.
    assert "HYPERLINK" not in som_csv(o, med_saker=False).decode("utf-8-sig")
    from openpyxl import load_workbook

    bok = load_workbook(io.BytesIO(som_xlsx(o, med_saker=True)))
    assert bok.sheetnames == ["Status", "Situasjon", "Avtaletype", "Kommune", "Datoar i kvartalet", "Datoar veke for veke",
                              "Saker"]
    celle = bok["Saker"]["A2"]
    assert celle.value == FORMEL and celle.data_type == "s"
    assert [c.value for c in bok["Kommune"][2]] == ["Tromsø", 1]
    assert "Saker" not in load_workbook(io.BytesIO(som_xlsx(o, med_saker=False))).sheetnames


def test_5000_saker_blir_talde_utan_reglane(svar_dict):
    """The overview of 5 000 stored cases is one pass over their kept facts (measured here and in
    docs/ytelse.md; the rules ran when each case was written)."""
    mal = _sak(svar_dict, "4601")
    kommunar = ["0301", "4601", "5001", "1103", "5501", None]
    saker = [dict(mal, id=f"s{i}", oversikt=dict(mal["oversikt"], kommune=kommunar[i % 6])) for i in range(5000)]
    t0 = time.perf_counter()
    o = oversikt(saker, {"status": "godkjend"}, date(2027, 3, 1))
    brukt = time.perf_counter() - t0
    assert o["tal"] == 5000 and len(o["kommune"]) == 6
    print(f"oversikt over 5000 saker: {brukt * 1000:.0f} ms")



def test_samandraget_held_det_lista_og_oversikta_les(svar_dict):
    """What sakslager keeps beside each case (issue 31: 5,000 cases read as small records): the
    list's columns and the overview's facts, and the same counts and order as from the cases."""
    from docassemble.desentral.lager.hrliste import hr_sakval, hr_saker_i_visning, hr_visningslenkjer

    saker = [_sak(svar_dict, "4601", namn="Åse"), _sak(svar_dict, "0301", namn="Bjørn", godkjenn=False),
             _sak(svar_dict, None, namn=FORMEL)]
    s = samandrag(saker[0])
    assert {k: s[k] for k in ("status", "namn", "epost", "versjon", "i_kraft", "avslutting_meldt")} == {
        "status": "godkjend", "namn": "Åse", "epost": "kari@example.com", "versjon": 1, "i_kraft": True,
        "avslutting_meldt": None}
    assert s["sendt"] == saker[0]["historikk"][-2]["tid"][:10] and s["oversikt"] == saker[0]["oversikt"]
    assert samandrag(s) is s and samandrag(saker[1])["i_kraft"] is False
    summar = [samandrag(x) for x in saker]
    dag = date(2027, 3, 1)
    assert oversikt(summar, None, dag) == oversikt(saker, None, dag)
    for sortering in ("endra", "sendt", "namn"):
        assert hr_saker_i_visning(summar, "alle", sortering) == hr_saker_i_visning(saker, "alle", sortering)
    assert [x["namn"] for x in hr_saker_i_visning(summar, "alle", "namn")] == ["Bjørn", "Åse", FORMEL]
    assert hr_sakval(summar, "i_kraft") == hr_sakval(saker, "i_kraft") and len(hr_sakval(summar, "i_kraft")) == 2
    lenkje = lambda **a: "?" + "&".join(f"{k}={v}" for k, v in a.items())  # noqa: E731
    assert "Alle (3)" in hr_visningslenkjer(summar, "alle", "endra", lenkje)


def test_xlsx_med_5000_saker(svar_dict):
    """The XLSX of 5,000 cases (one sheet row each): every row written, made in well under a
    second (printed; 22 s before the row number was counted instead of asked for)."""
    mal = _sak(svar_dict, "4601")
    o = oversikt([dict(mal, id=f"s{i}") for i in range(5000)], None, date(2027, 3, 1))
    t0 = time.perf_counter()
    from openpyxl import load_workbook

    bok = load_workbook(io.BytesIO(som_xlsx(o, med_saker=True)))
    print(f"XLSX med 5000 saker: {(time.perf_counter() - t0) * 1000:.0f} ms (laga og lesen)")
    assert bok["Saker"].max_row == 5001 and bok["Saker"]["A5001"].value == "Kari"
