"""HR's list in pages (issue 29: one table of every case grew past 16 000 pixels; issue 31 asks
for a list that stays quick with thousands of cases)."""
from docassemble.desentral.lager.hrliste import PER_SIDE, hr_sidelenkjer, hr_sideutval, hr_visningsval


def _lenkje(**a):
    return "/vis?" + "&".join(f"{k}={v}" for k, v in sorted(a.items()))


def test_ei_side_av_lista_og_talet_paa_sider():
    saker = [{"id": i} for i in range(2 * PER_SIDE + 3)]
    fyrste, side, sider = hr_sideutval(saker, 1)
    assert [s["id"] for s in fyrste] == list(range(PER_SIDE)) and (side, sider) == (1, 3)
    siste, side, sider = hr_sideutval(saker, 3)
    assert [s["id"] for s in siste] == [2 * PER_SIDE, 2 * PER_SIDE + 1, 2 * PER_SIDE + 2] and side == 3
    # A page past the end (an edited link, or cases that left the filter) shows the last page.
    assert hr_sideutval(saker, 99)[1:] == (3, 3)
    assert hr_sideutval([], 5) == ([], 1, 1)


def test_sida_fra_lenkja_er_eit_tal_fraa_1_elles_1():
    assert hr_visningsval("godkjend", "namn", "2") == ("godkjend", "namn", 2)
    for feil in (None, "", "x", "-3", "0", "1.5", "<script>"):
        assert hr_visningsval("godkjend", "namn", feil)[2] == 1, feil
    assert hr_visningsval("ukjend", "ukjend", "4") == ("innsendt", "endra", 4)


def test_sidelenkjene_held_status_og_orden():
    assert hr_sidelenkjer("alle", "namn", 1, 1, 10, _lenkje) == ""
    fyrste = hr_sidelenkjer("alle", "namn", 1, 3, 2 * PER_SIDE + 3, _lenkje)
    assert fyrste == (f"Side 1 av 3 (sak 1–{PER_SIDE} av {2 * PER_SIDE + 3}) · "
                      "[Neste side](/vis?side=2&sorter=namn&status=alle)")
    midt = hr_sidelenkjer("alle", "namn", 2, 3, 2 * PER_SIDE + 3, _lenkje)
    assert "[Førre side](/vis?side=1&sorter=namn&status=alle)" in midt
    assert "[Neste side](/vis?side=3&sorter=namn&status=alle)" in midt
    siste = hr_sidelenkjer("alle", "namn", 3, 3, 2 * PER_SIDE + 3, _lenkje)
    assert f"(sak {2 * PER_SIDE + 1}–{2 * PER_SIDE + 3} av" in siste and "Neste side" not in siste


def test_vala_under_lista_er_sakene_paa_sida(svar_dict):
    """Issue 31: HR's choices are the cases in the table above (status, order, page), so with
    thousands of cases a choice is never a list of all of them; an approved case is offered
    under «Alle» or «Godkjende», not under «Ventar på HR»."""
    from saksbyggjar import godkjend

    from docassemble.desentral.lager.hrliste import hr_sakval, hr_sida
    from docassemble.desentral.reglar.saker import ny_sak, send_inn

    sendt = [dict(send_inn(ny_sak(svar_dict, 7, "k@example.com"), svar_dict), id=f"s{i}") for i in range(PER_SIDE + 5)]
    saker = [dict(godkjend(svar_dict), id="godkjend")] + sendt
    paa_sida, side, sider, talet = hr_sida(saker, "innsendt", "endra", 1)
    assert (side, sider, talet) == (1, 2, PER_SIDE + 5) and len(hr_sakval(paa_sida)) == PER_SIDE
    assert hr_sakval(paa_sida, "i_kraft") == []
    assert len(hr_sakval(hr_sida(saker, "innsendt", "endra", 2)[0])) == 5
    assert [next(iter(v)) for v in hr_sakval(hr_sida(saker, "godkjend", "endra", 1)[0], "i_kraft")] == ["godkjend"]
    assert "godkjend" in [next(iter(v)) for v in hr_sakval(hr_sida(saker, "alle", "namn", 1)[0], "i_kraft")]
