# do not pre-load
"""What the signing and archive interviews (signering.yml, arkiv.yml) call on the server (issues
17 and 27): who the signed-in user is to the case, the approved document of each version, storing
a signature by compare-and-set, and the signed documents.

A signature is a statement about bytes (issue 27). When a version is approved, its final PDF and
DOCX are kept once (`godkjend:<case>:<version>`) and their SHA-256 recorded on the version; the
signer's screen shows that version and hash, and the signature is stored only if both are still
the case's approved version and document (sakslager.endre_sak). The signed agreement is built
from those kept bytes — the approved pages unchanged, then a signing page — never from a
session's earlier assembly. Everything lives in docassemble's SQL storage (DAStore), so every
server behind a load balancer serves the same sealed bytes; a session that offers them for
download writes them to a DAFile.
"""
from __future__ import annotations

import base64
import hashlib
from io import BytesIO

from docassemble.base.util import DAFile, DAFileCollection, get_config, user_has_privilege, user_info, user_logged_in

from ..dokument.dokumentformat import ferdige_filer
from ..dokument.pdfa import legg_til_sider, med_seglfelt, sett_produsent, skriv_metadata
from .sakslager import alle_saker, endre_sak, hent_sak, sak_laas, sakstore
from .varselutsending import leiarnykel_for
from ..dokument.segl import IKKJE_OPPSETT, SEGLFELT, SeglFeil, forsegl, oppsett_fra_config, seglprodusent
from ..reglar.signering import (ROLLAR, godkjent_hash, leiar_for, registrer_godkjent_dokument, rolle_for, signer,
                        signeringslogg, teikna)

__all__ = ["sak_for_signering", "mi_rolle", "leiarnykel_for", "mine_leiarsaker", "signer_sak", "hent_dokument", "som_fil", "bilete_fil", "segl_oppsett",
           "mitt_namn", "avtale_filnamn", "signeringstabell", "lag_signerte_dokument", "godkjent_dokument",
           "lagre_godkjent_dokument", "godkjent_samling", "samling", "hash_tekst", "med_metadata", "teikning_tillaten"]


def _brukar() -> tuple:
    if not user_logged_in():
        return None, None, set(), ""
    info = user_info()
    privilegium = {p for p in ("hr", "admin", "leiar") if user_has_privilege(p)}
    namn = " ".join(x for x in (info.first_name, info.last_name) if x) or info.email
    return info.id, info.email, privilegium, namn


def _hemmeleg() -> str:
    return str(get_config("secretkey") or "")


def mi_rolle(sak: dict, nykel: str | None = None) -> str | None:
    """The signed-in user's part in the case; `nykel`: the key of the leader's link, if the
    session was opened with one (url_args `leiar`)."""
    brukar_id, epost, privilegium, _ = _brukar()
    return rolle_for(sak, brukar_id, epost, privilegium, nykel, _hemmeleg()) if brukar_id is not None else None


def mine_leiarsaker() -> list[dict]:
    """The cases whose version in force names the signed-in user (privilege `leiar`) as the leader
    who signs for the employer, newest first; read in one query (sakslager.alle_saker). Nothing
    for anyone else: a leader invited by e-mail signs from the link in that mail."""
    _, epost, privilegium, _ = _brukar()
    if "leiar" not in privilegium or not epost:
        return []
    meg = epost.strip().lower()
    return [s for s in alle_saker() if (leiar_for(s) or "").strip().lower() == meg]


def mitt_namn() -> str:
    return _brukar()[3]


def sak_for_signering(sak_id: object, nykel: str | None = None) -> dict | None:
    """The case in the link if the signed-in user is a party to it: its owner, HR, or the leader
    HR named to sign this version for the employer. The id comes from a URL anyone can edit."""
    if not isinstance(sak_id, str) or not sak_id:
        return None
    sak = hent_sak(sak_id)
    return sak if sak is not None and mi_rolle(sak, nykel) is not None else None


def hash_tekst(sha256: str) -> str:
    """A SHA-256 as people compare it: groups of four (the full value, nothing left out)."""
    return " ".join(sha256[i:i + 4] for i in range(0, len(sha256), 4))


# --- The approved document of a version: kept once, its hash on the case ---

def _godkjend_nokkel(sak_id: str, versjon: int) -> str:
    return f"godkjend:{sak_id}:{versjon}"


def godkjent_dokument(sak: dict) -> dict | None:
    """The kept approved document of the version the case holds: `pdf`, `docx` (bytes),
    `sha256_pdf`, `sha256_docx`; None before it is kept."""
    rad = sakstore().get(_godkjend_nokkel(sak["id"], sak["versjon"]))
    if not rad:
        return None
    return dict(rad, pdf=base64.b64decode(rad["pdf"]), docx=base64.b64decode(rad["docx"]))


def samling(variabel: str, info: dict, innhald: dict[str, bytes]) -> DAFileCollection:
    """Kept documents as docassemble's attachment object, with this session's files: `info` as
    docassemble shows an attachment (name, filename, description), `innhald` per format."""
    ut = DAFileCollection(variabel)
    ut.info = dict(info, formats=list(innhald), valid_formats=list(innhald))
    for ending, data in innhald.items():
        setattr(ut, ending, som_fil(f"{variabel}.{ending}", data, f"{info['filename']}.{ending}"))
    return ut


def med_metadata(variabel: str, dokument: DAFileCollection, metadata: dict) -> DAFileCollection:
    """An assembled PDF and DOCX as this session's files, the PDF's descriptive fields written
    literally (pdfa.skriv_metadata; `metadata` as dokument.pdf_metadata gives it)."""
    innhald = ferdige_filer(dokument)
    innhald["pdf"] = skriv_metadata(innhald["pdf"], metadata["tittel"], metadata["verksemd"], metadata["arbeidstakar"])
    info = {k: dokument.info[k] for k in ("name", "filename", "description") if k in dokument.info}
    return samling(variabel, info, innhald)


def godkjent_samling(sak: dict, variabel: str) -> DAFileCollection | None:
    """The kept approved documents of the case's version as an attachment to show, or None."""
    godkjent = godkjent_dokument(sak)
    if godkjent is None:
        return None
    return samling(variabel, godkjent["info"], {e: godkjent[e] for e in ("pdf", "docx")})


def lagre_godkjent_dokument(sak: dict, dokument: DAFileCollection) -> dict:
    """Keep the approved version's final documents (`dokument`: docassemble's assembled files of
    that version) unless they are kept already — the first kept wins, so everyone who sees the
    version sees the same bytes — and record their hashes on the version. Returns the kept
    documents (as godkjent_dokument gives them)."""
    innhald = {}
    for ending in ("pdf", "docx"):
        with open(getattr(dokument, ending).path(), "rb") as f:
            innhald[ending] = f.read()
    nokkel = _godkjend_nokkel(sak["id"], sak["versjon"])
    info = {k: dokument.info[k] for k in ("name", "filename", "description") if k in dokument.info}
    with sak_laas(sak["id"]):
        if not sakstore().defined(nokkel):
            sakstore().set(nokkel, {"versjon": sak["versjon"], "info": info,
                                  **{e: base64.b64encode(b).decode("ascii") for e, b in innhald.items()},
                                  **{f"sha256_{e}": hashlib.sha256(b).hexdigest() for e, b in innhald.items()}})
    kept = godkjent_dokument(sak)
    if godkjent_hash(sak) != kept["sha256_pdf"]:
        endre_sak(sak["id"], lambda s: registrer_godkjent_dokument(s, sak["versjon"], kept["sha256_pdf"],
                                                                   kept["sha256_docx"]))
    return kept


# --- Signatures ---

def signer_sak(sak_id: str, bilete: DAFile | None, sett_versjon, sett_sha256: str | None,
               nykel: str | None = None) -> dict:
    """Store the signed-in user's signature (the confirming action; `bilete` a drawn image where
    the agency allows one and the signer drew it) on the case as stored now, bound to the version
    and the approved document's SHA-256 the user's screen showed (compare-and-set under the case's
    lock): a changed case, a second signature by the same party or another party's turn is
    refused with the reason (SakFeil). `nykel`: the key of the leader's link, as for mi_rolle."""
    brukar_id, epost, privilegium, namn = _brukar()
    hemmeleg = _hemmeleg()

    def rolle(sak: dict) -> str | None:
        return rolle_for(sak, brukar_id, epost, privilegium, nykel, hemmeleg)
    bilete_sha256 = None
    if bilete is not None:
        with open(bilete.path(), "rb") as f:
            png = f.read()
        # The image is kept by its own hash beside the case (before the case is written, so a
        # stored signature never lacks its image); the case holds only the hash.
        bilete_sha256 = hashlib.sha256(png).hexdigest()
        sakstore().set(f"bilete:{bilete_sha256}", base64.b64encode(png).decode("ascii"))

    def skriv_under(sak: dict) -> dict:
        # The employee's name as in the agreement, not the account's.
        mitt = sak["svar"]["arbeidstakar"].get("namn") if sak.get("brukar_id") == brukar_id else None
        return signer(sak, rolle(sak), mitt or namn, epost, brukar_id, bilete_sha256, sett_versjon, sett_sha256)

    return endre_sak(sak_id, skriv_under, tilgang=lambda s: rolle(s) is not None)


def bilete_fil(variabel: str, underskrift: dict | None) -> DAFile | None:
    """A party's drawn signature (from the record: kept by its hash; 0.3.0 kept it inline), or
    None when the party signed without drawing (or has not signed)."""
    if not teikna(underskrift):
        return None
    png_b64 = underskrift.get("bilete") or sakstore().get(f"bilete:{underskrift['bilete_sha256']}")
    return som_fil(variabel, base64.b64decode(png_b64), "underskrift.png")


def teikning_tillaten() -> bool:
    """Whether the agency lets a signer add a drawn signature to the confirmation (config
    `desentral: teikna underskrift: true`); it is never required."""
    return bool((get_config("desentral") or {}).get("teikna underskrift"))


def signeringstabell(sak: dict) -> list[list[str]]:
    """The signing record for a screen (html_tabell escapes every cell): each party, signed or
    waiting."""
    logg = {r["rolle"]: r for r in signeringslogg(sak)}
    return [[tittel, logg[r]["namn"], logg[r]["epost"], logg[r]["tid"]] if r in logg else [tittel, "–", "–", "Ventar"]
            for r, tittel in ROLLAR.items()]


# --- The signed documents: the approved bytes and the signing page, kept once per version ---

def _signert_nokkel(sak: dict) -> str:
    return f"dok:{sak['id']}:{sak['versjon']}"


def hent_dokument(sak: dict) -> dict | None:
    """The signed documents of the case's version: `pdf`, `docx` (bytes), `segl`, or None."""
    rad = sakstore().get(_signert_nokkel(sak))
    if not rad:
        return None
    return dict(rad, pdf=base64.b64decode(rad["pdf"]), docx=base64.b64decode(rad["docx"]))


def som_fil(variabel: str, innhald: bytes, filnamn: str) -> DAFile:
    """Bytes as a DAFile of this session (docassemble's storage, never a local path)."""
    fil = DAFile(variabel)
    fil.initialize(filename=filnamn)
    fil.write(innhald, binary=True)
    fil.commit()
    return fil


def avtale_filnamn(sak: dict, ending: str, kva: str = "signert") -> str:
    return f"avtale-{kva}-versjon-{sak['versjon']}.{ending}"


def _docx_med(docx: bytes, tillegg: bytes) -> bytes:
    """The approved DOCX with the signing page's DOCX after a page break (docxcompose)."""
    from docx import Document  # noqa: PLC0415 - python-docx and docxcompose come with docassemble
    from docx.enum.text import WD_BREAK  # noqa: PLC0415
    from docxcompose.composer import Composer  # noqa: PLC0415

    hovud = Document(BytesIO(docx))
    hovud.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    samansett = Composer(hovud)
    samansett.append(Document(BytesIO(tillegg)))
    ut = BytesIO()
    samansett.save(ut)
    return ut.getvalue()


def lag_signerte_dokument(sak: dict, side, sideinnhald) -> dict:
    """The signed agreement of the case's version, made once: the kept approved PDF with the
    signing page's pages after it (pdfa.legg_til_sider), its metadata written literally, sealed
    where a certificate is configured; the approved DOCX with the signing page after it. `side`:
    the page's data (dokument.Signeringsside); `sideinnhald`: its assembled PDF and DOCX. Kept
    unless another session kept them first (that copy wins). Returns the documents (as
    hent_dokument gives them)."""
    godkjent = godkjent_dokument(sak)
    side_filer = ferdige_filer(sideinnhald)
    pdf = legg_til_sider(godkjent["pdf"], side_filer["pdf"])
    m = side.pdf_metadata
    pdf = skriv_metadata(pdf, m["tittel"], m["verksemd"], m["arbeidstakar"], m.get("dato") or "")
    docx = _docx_med(godkjent["docx"], side_filer["docx"])
    try:
        oppsett = segl_oppsett()
        if oppsett is None:
            segl = {"forsegla": False, "melding": IKKJE_OPPSETT}
        else:
            # The seal's field is made beforehand, tagged (PDF/UA-1, PDF/A-2a stay true).
            pdf = med_seglfelt(sett_produsent(pdf, seglprodusent()), SEGLFELT, "Segl frå arbeidsgivaren")
            pdf = forsegl(pdf, oppsett,
                          f"Avtale om desentralisert arbeid, versjon {sak['versjon']}, skriven under av begge partar")
            segl = {"forsegla": True, "sertifikat": _sertifikatnamn(oppsett.sertifikat), "melding": ""}
    except SeglFeil as feil:
        segl = {"forsegla": False, "melding": "Dokumentet er ikkje forsegla. " + str(feil)}
    post = {"versjon": sak["versjon"], "sha256_pdf": hashlib.sha256(pdf).hexdigest(), "segl": segl,
            "godkjent_sha256_pdf": godkjent["sha256_pdf"]}
    with sak_laas(sak["id"]):
        if not sakstore().defined(_signert_nokkel(sak)):
            sakstore().set(_signert_nokkel(sak), dict(post, pdf=base64.b64encode(pdf).decode("ascii"),
                                                    docx=base64.b64encode(docx).decode("ascii")))
    kept = hent_dokument(sak)
    endre_sak(sak["id"], lambda s: dict(s, signert_dokument={k: v for k, v in kept.items() if k not in ("pdf", "docx")}))
    return kept


def _sertifikatnamn(pem: bytes) -> str:
    from cryptography import x509  # noqa: PLC0415

    try:
        return x509.load_pem_x509_certificate(pem).subject.rfc4514_string()
    except ValueError:
        return x509.load_der_x509_certificate(pem).subject.rfc4514_string()


def segl_oppsett():
    return oppsett_fra_config(get_config("desentral"))
