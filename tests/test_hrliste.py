"""HR's list in pages (issue 29: one table of every case grew past 16 000 pixels; issue 31 asks
for a list that stays quick with thousands of cases)."""
from docassemble.desentral.hrliste import PER_SIDE, hr_sidelenkjer, hr_sideutval, hr_visningsval


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
