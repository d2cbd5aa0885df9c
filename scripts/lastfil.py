"""Locust users for the load test (issue 18; scripts/last.sh runs it, docs/ytelse.md).

`Tilsett`: a new employee signs in and goes through the whole interview as a browser without
JavaScript does — each screen's form posted with docassemble's own hidden fields and the
answers of the scenario corpus's home office on a tilleggsavtale (tests/scenario/, a data file
read as data), a few seconds
of reading on each screen — hands the case over and downloads the PDF and DOCX.
`Hr`: an HR officer signs in, opens HR's list and a case page with its documents.
Requests are named by screen, so Locust's statistics are per screen.
"""
from __future__ import annotations

import base64
import json
import os
import random
import re
import secrets
from datetime import date
from pathlib import Path

import yaml

from bs4 import BeautifulSoup
from locust import HttpUser, between, events, task

ROOT = Path(__file__).resolve().parents[1]


def _skjermsvar(fil: Path) -> dict:
    """A scenario's answers by screen, as a form posts them (dates as ISO text)."""
    skjermar = yaml.safe_load(fil.read_text("utf-8"))["skjermar"]
    return {skjerm: {k: (v.isoformat() if isinstance(v, date) else v) for k, v in (verdiar or {}).items()}
            for skjerm, verdiar in skjermar.items()}


SVAR_HEIMEKONTOR = _skjermsvar(ROOT / "tests" / "scenario" / "heimekontor_tilleggsavtale.yml")

INTERVJU = "/interview?i=docassemble.desentral:data/questions/tilsett.yml"
HR = "/interview?i=docassemble.desentral:data/questions/hr.yml"
API_NOKKEL = os.environ["DESENTRAL_API_KEY"]
SLUTT = "avtale-ferdig"


def _namn(b64: str) -> str:
    try:
        return base64.b64decode(b64 + "=" * (-len(b64) % 4)).decode()
    except Exception:  # noqa: BLE001 - not one of docassemble's encoded names
        return b64


def _b64(namn: str) -> str:
    return base64.b64encode(namn.encode()).decode().rstrip("=")


def _skjerm(html: str) -> tuple[str | None, BeautifulSoup]:
    soup = BeautifulSoup(html, "html.parser")
    m = re.search(r"\bquestion-(\S+)", " ".join(soup.body.get("class", []))) if soup.body else None
    return (m.group(1) if m else None), soup


def _alias(form) -> dict[str, str]:
    """docassemble names some inputs `_field_N`; its hidden `_varnames` maps them to variables."""
    felt = form.find("input", attrs={"name": "_varnames"})
    if felt is None or not felt.get("value"):
        return {}
    return {_namn(k): _namn(v) for k, v in json.loads(_namn(felt["value"])).items()}


def _skjema(soup: BeautifulSoup, svar: dict) -> dict:
    """The form a browser posts: docassemble's hidden fields, then each answer on its input."""
    form = soup.find("form", id="daform")
    data: dict[str, object] = {}
    synlege = []
    alias = _alias(form)
    for inp in form.find_all("input"):
        namn, type_ = inp.get("name"), inp.get("type", "text")
        if not namn:
            continue
        if type_ == "hidden":
            data[namn] = inp.get("value", "")
            continue
        var = alias.get(_namn(namn)) or _namn(namn)
        # A checkbox of a group: `variable[B'<the choice, base64>']`; the browser posts the
        # checked ones (docassemble's hidden `_checkboxes` lists them all).
        m = re.match(r"^(.*)\[B'(.*)'\]$", var)
        if type_ == "checkbox" and m and m.group(1) in svar:
            if _namn(m.group(2)) in svar[m.group(1)]:
                data[namn] = "True"
            synlege.append(namn)
        elif var in svar:
            verdi = svar[var]
            verdi = str(verdi) if not isinstance(verdi, bool) else ("True" if verdi else "False")
            if type_ == "radio":
                if inp.get("value") == verdi:
                    data[namn] = verdi
            else:
                data[namn] = verdi
            synlege.append(namn)
    for ta in form.find_all(["textarea", "select"]):
        var = alias.get(_namn(ta.get("name", ""))) or _namn(ta.get("name", ""))
        if var in svar:
            data[ta["name"]] = str(svar[var])
            synlege.append(ta["name"])
    data["_visible"] = base64.b64encode(json.dumps(sorted(set(synlege))).encode()).decode()
    # The continue button: its name is the screen's own variable, when it has one.
    knapp = form.find("button", id="da-continue-button") or form.find("button", type="submit")
    if knapp is not None and knapp.get("name"):
        data[knapp["name"]] = knapp.get("value", "True")
    return data


class Brukar(HttpUser):
    abstract = True

    def ny_konto(self, privilegium=("user",)) -> tuple[str, str]:
        epost, passord = f"last-{secrets.token_hex(5)}@example.com", secrets.token_urlsafe(12)
        r = self.client.post("/api/user/new", name="API: ny brukar", headers={"X-API-Key": API_NOKKEL},
                             json={"username": epost, "password": passord, "first_name": "Last",
                                   "last_name": "Testesen", "privileges": list(privilegium)})
        r.raise_for_status()
        return epost, passord

    def logg_inn(self, epost: str, passord: str):
        r = self.client.get("/user/sign-in", name="logg inn (side)")
        token = BeautifulSoup(r.text, "html.parser").find("input", attrs={"name": "csrf_token"})["value"]
        self.client.post("/user/sign-in", name="logg inn", data={"csrf_token": token, "email": epost, "password": passord})


class Tilsett(Brukar):
    wait_time = between(1, 2)  # reading a screen

    @task
    def heil_sak(self):
        self.client.cookies.clear()
        self.logg_inn(*self.ny_konto())
        r = self.client.get(INTERVJU + "&new_session=1", name="start")
        skjerm, soup = _skjerm(r.text)
        svar = {k: dict(v) for k, v in SVAR_HEIMEKONTOR.items()}
        svar["arbeidstakar"]["arbeidstakar.namn"] = f"Last {secrets.token_hex(3)}"
        for _ in range(40):
            if skjerm == SLUTT:
                break
            if skjerm not in svar:
                raise RuntimeError(f"uventa skjerm {skjerm!r}")
            self.wait()
            with self.client.post(INTERVJU, name=f"POST {skjerm}", data=_skjema(soup, svar[skjerm]),
                                  catch_response=True) as r:
                neste, soup = _skjerm(r.text)
                if neste == skjerm:
                    r.failure(f"{skjerm}: same skjerm att (avvist?)")
                    return
                skjerm = neste
        else:
            raise RuntimeError("kom ikkje til slutten")
        for ending in ("pdf", "docx"):
            lenkje = soup.select_one(f"#daquestion a[href*='.{ending}']")
            if lenkje is None:
                events.request.fire(request_type="GET", name=f"dokument {ending}", response_time=0, response_length=0,
                                    exception=RuntimeError("inga lenkje"), context={})
                continue
            self.client.get(lenkje["href"], name=f"dokument {ending}")


class Hr(Brukar):
    wait_time = between(1, 2)
    weight = 1

    def on_start(self):
        # 400: the privilege exists already (docassemble's answer), which is what is wanted.
        with self.client.post("/api/privileges", name="API: privilegium", headers={"X-API-Key": API_NOKKEL},
                              json={"privilege": "hr"}, catch_response=True) as r:
            if r.status_code in (204, 400):
                r.success()
        self.logg_inn(*self.ny_konto(("user", "hr")))

    @task
    def sak(self):
        r = self.client.get(HR + "&new_session=1", name="HR: lista")
        skjerm, soup = _skjerm(r.text)
        if skjerm != "hr-saker":
            raise RuntimeError(f"HR: uventa skjerm {skjerm!r}")
        alias = _alias(soup.find("form", id="daform"))
        val = next((v for v in soup.select("form#daform select") if alias.get(_namn(v.get("name", ""))) == "valt_sak_id"), None)
        saker = [o["value"] for o in val.select("option") if o.get("value")] if val else []
        if not saker:
            return
        self.wait()
        data = _skjema(soup, {"hr_val": "sak", "valt_sak_id": random.choice(saker)})
        with self.client.post(HR, name="HR: saksida", data=data, catch_response=True) as r:
            if _skjerm(r.text)[0] != "hr-sak":
                r.failure("HR: saksida kom ikkje")


Tilsett.weight = 4
