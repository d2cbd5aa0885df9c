"""The rule data: every figure with a source, an effective date rule and a status."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from docassemble.desentral.reglar.regelverk import STATUSAR, RegelverkFeil, last_regelverk

ROOT = Path(__file__).resolve().parents[1]


def test_every_figure_has_source_status_and_values():
    regelverk = last_regelverk()
    assert len(regelverk.parametrar) >= 10
    for p in regelverk:
        assert p.kjelde and p.namn and p.eining
        assert p.verdiar
        for v in p.verdiar:
            assert v.status in STATUSAR


@pytest.mark.parametrize("key, dato, value, status", [
    ("tilleggsavtale_proveperiode", date(2027, 1, 1), 3, "stadfesta"),
    ("tilleggsavtale_proveperiode_varsel", date(2027, 1, 1), 2, "stadfesta"),
    ("statstilsettelova_provetid", date(2027, 1, 1), 6, "sekundærkjelde"),
    ("statstilsettelova_provetid_mellombels_del", date(2024, 7, 1), 0.5, "sekundærkjelde"),
    ("statstilsettelova_provetid_mellombels_del", date(2024, 6, 30), None, "sekundærkjelde"),
    ("statstilsettelova_oppseiingsfrist_provetid", date(2027, 1, 1),
     {"arbeidsgivar_manader": 1, "arbeidstakar_manader": 1}, "ikkje stadfesta"),
    ("fleksitid_kjernetid", date(2027, 1, 1), {"fra": "09:00", "til": "14:30"}, "stadfesta"),
    # the agreement version in force is not confirmed (issue 14)
    ("fleksitid_ytre_arbeidstid", date(2027, 1, 1), {"fra": "06:00", "til": "21:00"}, "ikkje stadfesta"),
    ("fleksitid_ytre_arbeidstid", date(2017, 12, 31), {"fra": "07:00", "til": "20:00"}, "ikkje stadfesta"),
    ("aml_skriftleg_arbeidsavtale_frist", date(2027, 1, 1), {"dagar": 7}, "stadfesta"),
    ("aml_endring_skriftleg_frist", date(2027, 1, 1), {"dagar": 0}, "stadfesta"),
    # before the 2024 amendments: one month (secondary sources); before aml 2005: not confirmed
    ("aml_skriftleg_arbeidsavtale_frist", date(2024, 6, 30), {"manader": 1}, "sekundærkjelde"),
    ("aml_endring_skriftleg_frist", date(2024, 3, 1), {"manader": 1}, "sekundærkjelde"),
    ("aml_endring_skriftleg_frist", date(1990, 1, 1), {"manader": 1}, "ikkje stadfesta"),
    # before statstilsettelova (tenestemannslova): carried back, flagged
    ("statstilsettelova_provetid", date(2010, 1, 1), 6, "ikkje stadfesta"),
    ("tilleggsavtale_oppseiingsfrist", date(2027, 1, 1), None, "ikkje stadfesta"),
])
def test_figures_match_legal_facts(key, dato, value, status):
    v = last_regelverk()[key].ved(dato)
    assert v.verdi == value
    assert v.status == status


def test_notice_tables_match_legal_facts():
    regelverk = last_regelverk()
    expected = [(0, 1, 1), (1, 3, 3), (2, 6, 3)]
    for key, status in (("statstilsettelova_oppseiingsfrist_fast", "sekundærkjelde"),
                        ("statstilsettelova_oppseiingsfrist_mellombels", "ikkje stadfesta")):
        v = regelverk[key].ved(date(2027, 1, 1))
        assert [(r["tenestetid_over_ar"], r["arbeidsgivar_manader"], r["arbeidstakar_manader"])
                for r in v.verdi] == expected
        assert v.status == status


def test_every_figure_has_a_value_for_every_accepted_date():
    """Issue 14: the answer file accepts 1970–2100; no figure may be missing on any day of it."""
    for p in last_regelverk():
        for dato in (date(1970, 1, 1), date(2006, 1, 1), date(2017, 7, 1), date(2024, 7, 1), date(2100, 12, 31)):
            v = p.ved(dato)
            assert v.status in STATUSAR, (p.id, dato)


def test_a_figure_without_a_value_for_early_dates_is_refused():
    with pytest.raises(RegelverkFeil, match="null"):
        last_regelverk("x: {namn: a, eining: b, kjelde: c, verdiar: [{gjeld_fra: 2020-01-01, verdi: 1, status: stadfesta}]}")


@pytest.mark.parametrize("text, message", [
    ("x: {namn: a, eining: b, kjelde: c, verdiar: [{gjeld_fra: null, verdi: 1, status: kanskje}]}", "status"),
    ("x: {namn: a, eining: b, verdiar: [{gjeld_fra: null, verdi: 1, status: stadfesta}]}", "kjelde"),
    ("x: {namn: a, eining: b, kjelde: c, verdiar: [{verdi: 1, status: stadfesta}]}", "gjeld_fra"),
    ("x: {namn: a, eining: b, kjelde: c, verdiar: [{gjeld_fra: null, verdi: 0, status: stadfesta},"
     " {gjeld_fra: 2020-01-01, verdi: 1, status: stadfesta}, {gjeld_fra: 2019-01-01, verdi: 2, status: stadfesta}]}",
     "stigande"),
    ("x: {namn: a, eining: b, kjelde: c, ekstra: 1, verdiar: [{gjeld_fra: null, verdi: 1, status: stadfesta}]}", "ukjende"),
    ("- 1", "mapping"),
])
def test_loader_rejects_malformed_data(text, message):
    with pytest.raises(RegelverkFeil, match=message):
        last_regelverk(text)


def test_readme_lists_every_figure_that_is_not_confirmed():
    readme = (ROOT / "README.md").read_text("utf-8")
    for p in last_regelverk():
        if any(v.status != "stadfesta" for v in p.verdiar):
            assert f"`{p.id}`" in readme, p.id


def test_words_file_translates_known_docassemble_phrases():
    import yaml

    words = yaml.safe_load((ROOT / "sources" / "nn-words.yml").read_text("utf-8"))
    assert set(words) == {"nn"}
    nn = words["nn"]
    assert nn["Continue"] == "Hald fram" and nn["Back"] == "Tilbake"
    assert all(isinstance(v, str) and v.strip() for v in nn.values())


def test_words_file_has_no_key_twice():
    # docassemble's server refuses the whole words file when a key repeats («yaml could not be
    # processed»), and every screen falls back to English (found in issue 17).
    import yaml

    class Streng(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        nokklar = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        dobbel = sorted({k for k in nokklar if nokklar.count(k) > 1})
        assert not dobbel, f"nøklar to gonger i nn-words.yml: {dobbel}"
        return loader.construct_mapping(node, deep)

    Streng.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    assert yaml.load((ROOT / "sources" / "nn-words.yml").read_text("utf-8"), Loader=Streng)["nn"]


def test_parse_is_memoised_by_text_and_read_only():
    # The memo must not let one caller change the figures another caller reads.
    first, again = last_regelverk(), last_regelverk()
    assert first is again
    with pytest.raises(TypeError):
        first.parametrar["statstilsettelova_provetid"] = None
    with pytest.raises(AttributeError):
        first["statstilsettelova_provetid"].verdiar = ()
    # Another text is parsed on its own, not served from the memo.
    other = last_regelverk("x: {namn: a, eining: b, kjelde: c, verdiar: [{gjeld_fra: null, verdi: 1, status: stadfesta}]}")
    assert list(other.parametrar) == ["x"]
