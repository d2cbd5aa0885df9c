"""Screen coverage (issue 13): which interview screens the browser tests reach, and which of the
choices, buttons and links on them a test clicks.

Every browser context the tests open gets an init script that reports each screen it shows
(question id, what can be clicked on it, the page's HTML) and each click a user makes. So the
record covers every test, whatever helper or raw Playwright call it uses, and clicks are the
real ones: nothing here clicks. Each process writes its own JSON-lines file (pytest-xdist ready);
the report is built once at the end of the run.

What counts as clickable on a screen: every radio and checkbox choice, every button and every
link inside the question area (`#daquestion`), plus docassemble's «Tilbake» in the bar (the same
action as the question's own back button). Help popovers and docassemble's menu are left out
(the menu's pages are covered by test_konto_nynorsk.py)."""
from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "docassemble" / "desentral" / "data" / "questions"
INTERVJU = {"tilsett.yml": "arbeidstakaren", "hr.yml": "HR", "oppseiing.yml": "oppseiing",
            "paaminning.yml": "påminningar", "endring.yml": "endring", "evaluering.yml": "evaluering",
            "versjon.yml": "versjon", "signering.yml": "underskrift", "arkiv.yml": "arkivpakke"}
MAPPE = ROOT / "artefakt" / "skjermdekning"
RAPPORT = ROOT / "artefakt" / "skjermdekning.md"

# Runs in every page before docassemble's own scripts. docassemble replaces the page by AJAX,
# so a new screen is seen by watching <body>; a click is described before it can navigate.
INIT_JS = r"""
(() => {
  if (window.__desentralOpptak) return;
  window.__desentralOpptak = true;
  const tekst = e => (e ? (e.innerText || e.textContent || '') : '').replace(/\s+/g, ' ').trim();
  const skjermId = () => {
    const m = ((document.body && document.body.className) || '').match(/\bquestion-(\S+)/);
    return m ? m[1] : null;
  };
  const gruppe = el => {
    const g = el.closest('.da-form-group');
    if (!g) return '';
    const l = g.querySelector('.da-legend, label.da-top-label, legend');
    return l ? tekst(l) : '';
  };
  // A count in a label («Godkjende (3)») changes from test to test: it is not part of the name.
  const utanTal = s => s === null ? null : s.replace(/\(\d+\)/g, '(n)');
  const skildring = el => utanTal(skildringMedTal(el));
  const skildringMedTal = el => {
    if (!el || !el.closest) return null;
    if (el.matches('label[for]')) {
      const inn = document.getElementById(el.htmlFor);
      if (inn && inn.matches('input[type=radio], input[type=checkbox]')) el = inn;
    }
    el = el.closest('input[type=radio], input[type=checkbox], button, input[type=submit], a[href]') || null;
    if (!el) return null;
    const iSporsmal = !!el.closest('#daquestion');
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      if (!iSporsmal) return null;
      const l = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      const g = gruppe(el);
      return 'val: ' + (g ? g + ' = ' : '') + tekst(l);
    }
    if (el.matches('#dabackbutton button, button.daquestionbackbutton')) return 'knapp: Tilbake';
    if (!iSporsmal) return null;
    if (el.matches('[data-bs-toggle=popover]')) return null;
    if (el.matches('a[href]')) {
      const href = el.getAttribute('href');
      if (!href || href === '#' || href.startsWith('javascript:')) return null;
      return 'lenkje: ' + (tekst(el) || el.getAttribute('aria-label') || el.getAttribute('title') || href);
    }
    let namn = tekst(el) || el.value || el.getAttribute('title') || '';
    const review = el.closest('.da-review');
    if (review) {
      const b = review.querySelector('strong');
      if (b) namn += ' (' + tekst(b).replace(/:$/, '') + ')';
    }
    return 'knapp: ' + namn;
  };
  const inventar = () => {
    const ut = new Set();
    document.querySelectorAll('#daquestion input[type=radio], #daquestion input[type=checkbox], '
      + '#daquestion button, #daquestion input[type=submit], #daquestion a[href], #dabackbutton button')
      .forEach(el => {
        const s = skildring(el);
        if (s) ut.add(s);
      });
    return [...ut];
  };
  let sist = null, vent = null;
  const meld = () => {
    vent = null;
    const id = skjermId();
    const nokkel = id + '|' + ((document.getElementById('daquestion') || {}).innerHTML || '').length;
    if (nokkel === sist) return;
    sist = nokkel;
    try {
      window.__desentralSkjerm({skjerm: id, url: location.pathname + location.search,
                                tilgjengeleg: id ? inventar() : [],
                                html: document.documentElement.outerHTML});
    } catch (e) { /* the binding is not there in pages Playwright did not open */ }
  };
  const seinare = () => { if (vent) clearTimeout(vent); vent = setTimeout(meld, 150); };
  document.addEventListener('click', ev => {
    const s = skildring(ev.target);
    if (s) {
      try { window.__desentralKlikk({skjerm: skjermId(), klikk: s}); } catch (e) { /* as above */ }
    }
  }, true);
  const start = () => {
    seinare();
    new MutationObserver(seinare).observe(document.body, {attributes: true, attributeFilter: ['class'],
                                                          childList: true});
    const b = document.getElementById('dabody');
    if (b) new MutationObserver(seinare).observe(b, {childList: true});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
"""


def _blokker(fil: Path, sett: set[Path] | None = None):
    """The YAML blocks of an interview file and the files it includes."""
    sett = set() if sett is None else sett
    if fil in sett:
        return
    sett.add(fil)
    for blokk in yaml.safe_load_all(fil.read_text("utf-8")):
        if not isinstance(blokk, dict):
            continue
        yield blokk
        for inkl in blokk.get("include", []) or []:
            yield from _blokker(QUESTIONS / inkl, sett)


def forventa_skjermar() -> dict[str, str]:
    """Every screen (a block with `question`) of both interviews: question id -> interview.
    A screen without an id cannot be followed, so it is an error here."""
    ut: dict[str, str] = {}
    for fil, namn in INTERVJU.items():
        for blokk in _blokker(QUESTIONS / fil):
            if "question" not in blokk:
                continue
            if "id" not in blokk:
                raise AssertionError(f"eit spørsmål i {fil} (eller det det tek med) har ingen id: "
                                     f"{str(blokk['question'])[:60]}")
            ut.setdefault(blokk["id"], namn)  # a shared screen counts under the first interview
    return ut


class Opptak:
    """What one test's pages showed and what its user clicked; one file per process."""

    def __init__(self, test: str):
        self.test = test
        MAPPE.mkdir(parents=True, exist_ok=True)
        self.fil = MAPPE / f"{os.getpid()}.jsonl"
        self.engelsk: list[tuple[str, list[str]]] = []

    def _skriv(self, post: dict):
        with self.fil.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"test": self.test, **post}, ensure_ascii=False) + "\n")

    def skjerm(self, _kjelde, data: dict):
        from skjermsjekk import engelsk_pa_skjerm

        funne = engelsk_pa_skjerm(data.pop("html"))
        if funne:
            self.engelsk.append((data["skjerm"] or data["url"], funne))
        if data["skjerm"]:
            self._skriv({"skjerm": data["skjerm"], "tilgjengeleg": data["tilgjengeleg"]})

    def klikk(self, _kjelde, data: dict):
        if data["skjerm"]:
            self._skriv({"skjerm": data["skjerm"], "klikk": data["klikk"]})

    def kople_til(self, context):
        context.expose_binding("__desentralSkjerm", self.skjerm)
        context.expose_binding("__desentralKlikk", self.klikk)
        context.add_init_script(INIT_JS)


def tom():
    if MAPPE.exists():
        for f in MAPPE.glob("*.jsonl"):
            f.unlink()


def samle() -> tuple[list[str], list[str], str]:
    """(unreached screens, unclicked choices/buttons/links as 'id: thing', the report text)."""
    forventa = forventa_skjermar()
    naadd: dict[str, set[str]] = defaultdict(set)
    tilgjengeleg: dict[str, set[str]] = defaultdict(set)
    klikka: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fil in sorted(MAPPE.glob("*.jsonl")) if MAPPE.exists() else []:
        for linje in fil.read_text("utf-8").splitlines():
            post = json.loads(linje)
            if "tilgjengeleg" in post:
                naadd[post["skjerm"]].add(post["test"])
                tilgjengeleg[post["skjerm"]].update(post["tilgjengeleg"])
            else:
                klikka[(post["skjerm"], post["klikk"])].add(post["test"])
    ikkje_naadd = [i for i in forventa if i not in naadd]
    ikkje_klikka = []
    linjer = ["# Skjermdekning", "",
              "Kvar skjerm (question id) i dei to intervjua, testane som kom dit, og det som kan "
              "klikkast på han (val, knappar, lenkjer) med testane som klikka.", ""]
    for i, intervju in forventa.items():
        linjer.append(f"## {i} ({intervju})")
        linjer.append("")
        if i not in naadd:
            linjer += ["**IKKJE NÅDD AV NOKON TEST**", ""]
            continue
        linjer.append("Nådd av: " + ", ".join(f"`{t}`" for t in sorted(naadd[i])))
        linjer.append("")
        for ting in sorted(tilgjengeleg[i]):
            testar = klikka.get((i, ting))
            if not testar:
                ikkje_klikka.append(f"{i}: {ting}")
            merke = ", ".join(f"`{_kort(t)}`" for t in sorted(testar)) if testar else "**IKKJE KLIKKA**"
            linjer.append(f"- {ting} — {merke}")
        linjer.append("")
    ukjende = sorted(set(naadd) - set(forventa))
    if ukjende:
        linjer += ["## Skjermar som ikkje står i intervjua", "", *[f"- {u}" for u in ukjende], ""]
    return ikkje_naadd, ikkje_klikka, "\n".join(linjer)


def _kort(test: str) -> str:
    return re.sub(r"^tests/nettlesar/", "", test)
