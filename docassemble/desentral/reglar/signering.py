"""Signing an approved agreement in the app (issues 17 and 27): who may sign, in which order, what
a signature binds to, the signing record, and the deadlines of arbeidsmiljølova §§ 14-5 and 14-8
checked against the signing days.

Plain Python; no docassemble import. A signature is a statement about bytes (issue 27): it names
the version and the SHA-256 of that version's approved document as the signer's screen showed
them, and is refused unless both are still the case's approved version and its stored document.
Signatures live on their version's entry in `versjonar`, so a signature recorded on one version
is never moved to another: a new version starts signing afresh for both parties.
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from .datoar import nynorsk_dato
from .saker import SakFeil, tid_no, versjonar

__all__ = ["ROLLAR", "OSLO", "signering", "signert_av", "teikna", "ferdig_signert", "rolle_for", "kan_signere", "signer",
           "tildel_leiar", "fjern_leiar", "leiar_for", "fristbrot", "signeringslogg", "oslo_tid", "signeringsstatus",
           "godkjent_hash", "registrer_godkjent_dokument", "utan_bilete", "endra_melding", "ulik_det_sette",
           "leiarnykel", "leiar_fra_arbeidstakaren"]

OSLO = ZoneInfo("Europe/Oslo")

# The two parties, in the order they sign (issue 17: the employee, then the employer).
ROLLAR = {"arbeidstakar": "Arbeidstakar", "arbeidsgivar": "For arbeidsgivaren"}


def oslo_tid(iso: str) -> datetime:
    """A stored UTC time as Norwegian local time (the record and the documents show this)."""
    return datetime.fromisoformat(iso).astimezone(OSLO)


def _post(sak: dict, versjon=None) -> dict | None:
    """The `versjonar` entry of `versjon` (default: the version the case holds)."""
    versjon = sak.get("versjon") if versjon is None else versjon
    return next((v for v in versjonar(sak) if v.get("versjon") == versjon), None)


def _med_post(sak: dict, ny: dict) -> dict:
    """The case with `ny` in place of its version's entry (0.3.0 cases get their list here)."""
    return dict(sak, versjonar=[ny if v["versjon"] == ny["versjon"] else v for v in versjonar(sak)])


def signering(sak: dict) -> dict:
    """The signatures on the version the case holds now, by role, with `versjon`; empty when no
    one has signed it. 0.3.0 kept the record on the case itself; it counts for its version."""
    gammal = sak.get("signering") or {}
    rec = {r: gammal[r] for r in ROLLAR if gammal.get(r)} if gammal.get("versjon") == sak.get("versjon") else {}
    rec.update({r: s for r, s in ((_post(sak) or {}).get("signering") or {}).items() if r in ROLLAR})
    return dict(rec, versjon=sak.get("versjon")) if rec else {}


def signert_av(sak: dict, rolle: str) -> dict | None:
    return signering(sak).get(rolle)


def teikna(underskrift: dict | None) -> bool:
    """Whether a party's signature record has a drawn image (kept by its hash; 0.3.0 kept it
    inline) beside the confirming action."""
    return bool(underskrift and (underskrift.get("bilete_sha256") or underskrift.get("bilete")))


def ferdig_signert(sak: dict) -> bool:
    rec = signering(sak)
    return all(rec.get(r) for r in ROLLAR)


def utan_bilete(rec: dict | None) -> dict | None:
    """A signing record without drawn images (0.3.0 kept them in the record; they are in the
    signed documents)."""
    if not rec:
        return rec
    return {r: ({k: v for k, v in s.items() if k != "bilete"} if isinstance(s, dict) else s) for r, s in rec.items()}


def godkjent_hash(sak: dict) -> str | None:
    """The SHA-256 of the approved document (PDF) of the version the case holds: what signers see
    and sign; None until that document is stored."""
    return ((_post(sak) or {}).get("dokument") or {}).get("sha256_pdf")


def registrer_godkjent_dokument(sak: dict, versjon: int, sha256_pdf: str, sha256_docx: str) -> dict:
    """The case with the approved document's hashes on its version. Written once: a version's
    approved document never changes after anyone could have seen it (the first stored wins)."""
    post = _post(sak, versjon)
    if post is None:
        raise SakFeil(f"versjon {versjon} er ikkje godkjend")
    if post.get("dokument"):
        return sak
    return _med_post(sak, dict(post, dokument={"sha256_pdf": sha256_pdf, "sha256_docx": sha256_docx}))


def leiar_for(sak: dict) -> str | None:
    """The e-mail of the leader HR named to sign the version the case holds, or None. Naming
    holds for one version; 0.3.0 stored a bare address, which holds only if it was named after
    the newest approval."""
    leiar = sak.get("leiar")
    if isinstance(leiar, dict):
        return leiar.get("epost") if leiar.get("versjon") == sak.get("versjon") else None
    if isinstance(leiar, str) and leiar.strip():
        hendingar = [h["hending"] for h in sak.get("historikk") or []]
        siste_godkjend = max((i for i, h in enumerate(hendingar) if h == "godkjend"), default=-1)
        siste_leiar = max((i for i, h in enumerate(hendingar) if h == "leiar_tildelt"), default=-1)
        return leiar.strip() if siste_leiar > siste_godkjend else None
    return None


def leiarnykel(hemmeleg: str, sak: dict, epost: str) -> str:
    """The key in the leader's link (issue 31, item 3): an HMAC of the case, the version and the
    leader's address under the server's secret. Mailed to that address only, it shows that
    whoever opens the link with an account of that address reads its mail: a leader invited by
    e-mail, whose new account has no privilege `leiar`, may then sign this version."""
    melding = f"{sak['id']}:{sak['versjon']}:{(epost or '').strip().lower()}".encode()
    return hmac.new(hemmeleg.encode(), melding, hashlib.sha256).hexdigest()[:32]


def rolle_for(sak: dict, brukar_id, epost: str | None, privilegium: set[str], nykel: str | None = None,
              hemmeleg: str | None = None) -> str | None:
    """Which party the signed-in user signs for: the case's owner is the employee (even if they
    also work in HR: an employee never signs as the employer); a user with the privilege `hr`,
    or the leader HR named for this version, signs for the employer. The leader is known by the
    address HR gave and either the privilege `leiar` or the key of the link mailed to that
    address (`nykel`, checked with `hemmeleg`)."""
    if brukar_id is not None and brukar_id == sak.get("brukar_id"):
        return "arbeidstakar"
    if "hr" in privilegium or "admin" in privilegium:
        return "arbeidsgivar"
    leiar = (leiar_for(sak) or "").strip().lower()
    if not leiar or (epost or "").strip().lower() != leiar:
        return None
    if "leiar" in privilegium:
        return "arbeidsgivar"
    if nykel and hemmeleg and hmac.compare_digest(str(nykel), leiarnykel(hemmeleg, sak, leiar)):
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


def endra_melding(sak: dict) -> str:
    """The refusal when the agreement changed after the signer's screen was drawn."""
    if sak.get("status") == "godkjend":
        return f"Avtala er endra sidan du opna ho – les versjon {sak['versjon']} før du skriv under."
    return ("Avtala er endra sidan du opna ho, og den nye versjonen er ikkje godkjend enno. Du kan skrive "
            "under når HR har godkjent ho.")


def ulik_det_sette(sak: dict, sett_versjon, sett_sha256: str | None) -> str | None:
    """Why a signature drawn on a screen that showed `sett_versjon` and `sett_sha256` cannot be
    recorded on the case as it is now, in Nynorsk, or None: the version must still be the one the
    case holds and the SHA-256 that of its stored approved document."""
    try:
        sett_versjon = int(sett_versjon)
    except (TypeError, ValueError):
        sett_versjon = None
    if sett_versjon != sak.get("versjon"):
        return endra_melding(sak)
    if sak.get("status") != "godkjend":
        return None  # kan_signere gives the reason
    fasit = godkjent_hash(sak)
    if fasit is None:
        return "Den godkjende avtala er ikkje klar til underskrift enno. Opne lenkja på nytt om litt."
    return endra_melding(sak) if sett_sha256 != fasit else None


def signer(sak: dict, rolle: str, namn: str, epost: str | None, brukar_id, bilete_sha256: str | None,
           sett_versjon, sett_sha256: str | None, tid: str | None = None) -> dict:
    """The case with `rolle`'s signature on the version it holds. `sett_versjon`, `sett_sha256`:
    the version and the SHA-256 of its approved document that the signer's screen showed; the
    signature is refused (SakFeil) unless they are the case's approved version and its stored
    document now (ulik_det_sette), and for the reasons in kan_signere. The signature is the
    signed-in user's confirming action (issue 31: «Eg har lese avtala og signerer ho», as
    public-sector services sign, WCAG 2.1.1: no mouse needed); `bilete_sha256` is the hash of a
    drawn image where the agency allows one and the signer drew it (kept beside the case), else None."""
    grunn = ulik_det_sette(sak, sett_versjon, sett_sha256) or kan_signere(sak, rolle)
    if grunn:
        raise SakFeil(grunn)
    fasit = godkjent_hash(sak)
    tid = tid or tid_no()
    post = _post(sak)
    rec = {r: v for r, v in signering(sak).items() if r in ROLLAR}
    rec[rolle] = {"namn": (namn or "").strip() or (epost or ""), "epost": epost, "brukar_id": brukar_id,
                  "tid": tid, "bilete_sha256": bilete_sha256, "versjon": sak["versjon"], "sha256": fasit}
    sak = _med_post(sak, dict(post, signering=rec))
    sak["historikk"] = sak["historikk"] + [{"tid": tid, "hending": "signert", "rolle": rolle,
                                            "versjon": sak["versjon"], "sha256": fasit}]
    return sak


def tildel_leiar(sak: dict, epost: str) -> dict:
    """HR names the leader who signs this version for the employer (a user with the privilege
    `leiar`); naming another replaces the one before."""
    epost = (epost or "").strip()
    if "@" not in epost:
        raise SakFeil("skriv e-postadressa til leiaren")
    if signert_av(sak, "arbeidsgivar"):
        raise SakFeil("arbeidsgivaren har alt skrive under")
    sak = dict(sak, leiar={"epost": epost, "versjon": sak["versjon"]})
    sak["historikk"] = sak["historikk"] + [{"tid": tid_no(), "hending": "leiar_tildelt", "leiar": epost,
                                            "versjon": sak["versjon"]}]
    return sak


def leiar_fra_arbeidstakaren(sak: dict) -> dict:
    """At approval: the leader the employee named in the answers (verksemd.leiar_epost) is named
    for the approved version, unless HR has named one; HR can name another (issue 31, item 3)."""
    epost = ((sak.get("svar") or {}).get("verksemd") or {}).get("leiar_epost")
    if not epost or leiar_for(sak) or sak.get("status") != "godkjend":
        return sak
    sak = tildel_leiar(sak, epost)
    sak["historikk"][-1]["kven"] = "arbeidstakar"
    return sak


def fjern_leiar(sak: dict) -> dict:
    """HR takes the leader's task back (HR, or another leader, signs instead)."""
    if not leiar_for(sak):
        raise SakFeil("ingen leiar er peika ut for denne versjonen")
    sak = dict(sak, leiar=None)
    sak["historikk"] = sak["historikk"] + [{"tid": tid_no(), "hending": "leiar_fjerna", "versjon": sak["versjon"]}]
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
    """The record as rows for the documents and screens, oldest first: `rolle`, `tittel`, `namn`,
    `epost`, `tid` (Europe/Oslo, «27. november 2026 kl. 14.05»), `tid_utc` («2026-11-27 13.05
    UTC»), `dag`, `versjon`, `sha256` (what was signed; None for 0.3.0 records) and `teikna`
    (a drawn image was added to the confirmation)."""
    rec = signering(sak)
    rader = []
    for rolle, tittel in ROLLAR.items():
        s = rec.get(rolle)
        if s:
            t = oslo_tid(s["tid"])
            u = datetime.fromisoformat(s["tid"]).astimezone(timezone.utc)
            rader.append({"rolle": rolle, "tittel": tittel, "namn": s["namn"], "epost": s.get("epost") or "",
                          "tid": f"{nynorsk_dato(t.date())} kl. {t:%H.%M}", "tid_utc": f"{u:%Y-%m-%d %H.%M} UTC",
                          "dag": t.date(), "versjon": s.get("versjon", rec.get("versjon")),
                          "sha256": s.get("sha256"), "teikna": teikna(s)})
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
