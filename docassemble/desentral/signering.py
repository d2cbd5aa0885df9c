"""Signing an approved agreement in the app (issue 17): who may sign, in which order, the signing
record, and the deadlines of arbeidsmiljølova §§ 14-5 and 14-8 checked against the signing days.

Plain Python; no docassemble import. The record lives in the case (`sak["signering"]`) for the
version being signed; when both parties have signed, a copy goes into that version's entry in
`versjonar`, so a later change starts a new record and the old one stays with its version.
"""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from .datoar import nynorsk_dato
from .saker import SakFeil, _no

__all__ = ["ROLLAR", "OSLO", "signering", "signert_av", "ferdig_signert", "rolle_for", "kan_signere", "signer",
           "tildel_leiar", "fristbrot", "signeringslogg", "oslo_tid", "signeringsstatus"]

OSLO = ZoneInfo("Europe/Oslo")

# The two parties, in the order they sign (issue 17: the employee, then the employer).
ROLLAR = {"arbeidstakar": "Arbeidstakar", "arbeidsgivar": "For arbeidsgivaren"}


def oslo_tid(iso: str) -> datetime:
    """A stored UTC time as Norwegian local time (the record and the documents show this)."""
    return datetime.fromisoformat(iso).astimezone(OSLO)


def signering(sak: dict) -> dict:
    """The signing record of the version the case holds now; empty when no one has signed it."""
    rec = sak.get("signering") or {}
    return rec if rec.get("versjon") == sak.get("versjon") else {}


def signert_av(sak: dict, rolle: str) -> dict | None:
    return signering(sak).get(rolle)


def ferdig_signert(sak: dict) -> bool:
    rec = signering(sak)
    return all(rec.get(r) for r in ROLLAR)


def rolle_for(sak: dict, brukar_id, epost: str | None, privilegium: set[str]) -> str | None:
    """Which party the signed-in user signs for: the case's owner is the employee (even if they
    also work in HR: an employee never signs as the employer); a user with the privilege `hr`,
    or the leader HR assigned (privilege `leiar`, by e-mail), signs for the employer."""
    if brukar_id is not None and brukar_id == sak.get("brukar_id"):
        return "arbeidstakar"
    if "hr" in privilegium or "admin" in privilegium:
        return "arbeidsgivar"
    leiar = (sak.get("leiar") or "").strip().lower()
    if "leiar" in privilegium and leiar and (epost or "").strip().lower() == leiar:
        return "arbeidsgivar"
    return None


def kan_signere(sak: dict, rolle: str | None) -> str | None:
    """None if `rolle` may sign the case now, else the reason in Nynorsk."""
    if rolle not in ROLLAR:
        return "Du er ikkje part i denne avtala og kan ikkje skrive under på henne."
    if sak.get("status") != "godkjend":
        return "Avtala kan ikkje skrivast under før HR har godkjent henne."
    if signert_av(sak, rolle):
        if rolle == "arbeidsgivar":
            return "Arbeidsgivaren har alt skrive under på denne versjonen av avtala."
        return "Du har alt skrive under på denne versjonen av avtala."
    if rolle == "arbeidsgivar" and not signert_av(sak, "arbeidstakar"):
        return "Arbeidstakaren skriv under først. Du får skrive under når det er gjort."
    return None


def signer(sak: dict, rolle: str, namn: str, epost: str | None, brukar_id, bilete_png_b64: str,
           tid: str | None = None) -> dict:
    """The case with `rolle`'s signature added (name, account e-mail, time, the drawn image as
    base64 PNG); refused with SakFeil for the reasons in kan_signere."""
    grunn = kan_signere(sak, rolle)
    if grunn:
        raise SakFeil(grunn)
    if not bilete_png_b64:
        raise SakFeil("underskrifta manglar")
    tid = tid or _no()
    rec = dict(signering(sak), versjon=sak["versjon"])
    rec[rolle] = {"namn": (namn or "").strip() or (epost or ""), "epost": epost, "brukar_id": brukar_id,
                  "tid": tid, "bilete": bilete_png_b64}
    sak = dict(sak, signering=rec)
    sak["historikk"] = sak["historikk"] + [{"tid": tid, "hending": "signert", "rolle": rolle,
                                            "versjon": sak["versjon"]}]
    if ferdig_signert(sak):
        # The finished record is kept with its version (without the images, which the signed
        # documents hold), so a later version does not replace it.
        utan_bilete = {r: {k: v for k, v in rec[r].items() if k != "bilete"} for r in ROLLAR}
        sak["versjonar"] = [dict(v, signering=dict(utan_bilete, versjon=rec["versjon"]))
                            if v["versjon"] == sak["versjon"] else v for v in sak.get("versjonar") or []]
    return sak


def tildel_leiar(sak: dict, epost: str) -> dict:
    """HR names the leader who signs for the employer (a user with the privilege `leiar`)."""
    epost = (epost or "").strip()
    if "@" not in epost:
        raise SakFeil("skriv e-postadressa til leiaren")
    if signert_av(sak, "arbeidsgivar"):
        raise SakFeil("arbeidsgivaren har alt skrive under")
    sak = dict(sak, leiar=epost)
    sak["historikk"] = sak["historikk"] + [{"tid": _no(), "hending": "leiar_tildelt", "leiar": epost}]
    return sak


def fristbrot(sak: dict, vurdering: dict) -> list[dict]:
    """Deadlines the signing missed (arbeidsmiljølova § 14-5 for a new hire's agreement, § 14-8
    for a change): the agreement is in writing on the day the last party signed. Each row:
    `tekst`, `kjelde`; empty when signed in time or not yet late."""
    frist = next((p for p in vurdering["tidslinje"] if p["kva"] == "skriftleg_frist"), None)
    if frist is None or frist["dato"] is None:
        return []
    rec = signering(sak)
    tider = [oslo_tid(rec[r]["tid"]).date() for r in ROLLAR if rec.get(r)]
    kjelde = frist.get("kjelde") or "arbeidsmiljølova §§ 14-5 og 14-8"
    if len(tider) == len(ROLLAR):
        dag = max(tider)
        if dag > frist["dato"]:
            return [{"tekst": f"Avtala vart skriven under {nynorsk_dato(dag)}, etter fristen "
                              f"{nynorsk_dato(frist['dato'])}.", "kjelde": kjelde}]
        return []
    i_dag = datetime.now(timezone.utc).astimezone(OSLO).date()
    if i_dag > frist["dato"]:
        return [{"tekst": f"Fristen for skriftleg avtale var {nynorsk_dato(frist['dato'])}, og avtala er "
                          "ikkje skriven under av begge partar.", "kjelde": kjelde}]
    return []


def signeringslogg(sak: dict) -> list[dict]:
    """The record as rows for the documents and screens: `rolle`, `namn`, `epost`, `tid`
    (Europe/Oslo, «27. november 2026 kl. 14.05»), oldest first."""
    rec = signering(sak)
    rader = []
    for rolle, tittel in ROLLAR.items():
        s = rec.get(rolle)
        if s:
            t = oslo_tid(s["tid"])
            rader.append({"rolle": rolle, "tittel": tittel, "namn": s["namn"], "epost": s.get("epost") or "",
                          "tid": f"{nynorsk_dato(t.date())} kl. {t:%H.%M}", "dag": t.date()})
    return rader


def signeringsstatus(sak: dict) -> str:
    """One line for HR's list: who has signed the version in force."""
    if sak.get("status") != "godkjend":
        return "–"
    if ferdig_signert(sak):
        return "Begge har skrive under"
    if signert_av(sak, "arbeidstakar"):
        return "Arbeidstakaren har skrive under; ventar på arbeidsgivaren"
    return "Ventar på arbeidstakaren"

