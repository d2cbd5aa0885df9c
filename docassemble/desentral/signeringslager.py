# do not pre-load
"""What the signing and archive interviews (signering.yml, arkiv.yml) call on the server
(issue 17): who the signed-in user is to the case, storing a signature on the case as read at
save time, and the signed documents.

The signed PDF and DOCX are kept in docassemble's SQL storage (DAStore, beside the cases) as
made once, so every server behind a load balancer serves the same sealed bytes and the seal
can be checked later; a session that offers them for download writes them to a DAFile.
"""
from __future__ import annotations

import base64
import hashlib

from docassemble.base.util import DAFile

from .sakslager import _lager, hent_sak, lagre_sak

__all__ = ["sak_for_signering", "mi_rolle", "signer_sak", "lagre_dokument", "hent_dokument", "som_fil",
           "bilete_fil", "segl_oppsett", "er_leiar_tildelt", "mitt_namn", "avtale_filnamn", "signeringstabell",
           "lag_signerte_dokument"]


def _brukar() -> tuple:
    from docassemble.base.util import user_has_privilege, user_info, user_logged_in  # noqa: PLC0415

    if not user_logged_in():
        return None, None, set(), ""
    info = user_info()
    privilegium = {p for p in ("hr", "admin", "leiar") if user_has_privilege(p)}
    namn = " ".join(x for x in (info.first_name, info.last_name) if x) or info.email
    return info.id, info.email, privilegium, namn


def mi_rolle(sak: dict) -> str | None:
    from .signering import rolle_for  # noqa: PLC0415

    brukar_id, epost, privilegium, _ = _brukar()
    return rolle_for(sak, brukar_id, epost, privilegium) if brukar_id is not None else None


def mitt_namn() -> str:
    return _brukar()[3]


def sak_for_signering(sak_id: object) -> dict | None:
    """The case in the link if the signed-in user is a party to it: its owner, HR, or the leader
    HR named to sign for the employer. The id comes from a URL anyone can edit."""
    if not isinstance(sak_id, str) or not sak_id:
        return None
    sak = hent_sak(sak_id)
    return sak if sak is not None and mi_rolle(sak) is not None else None


def er_leiar_tildelt(sak: dict) -> bool:
    return bool(sak.get("leiar"))


def signer_sak(sak_id: str, bilete: DAFile) -> dict:
    """Store the signed-in user's signature on the case as stored now (a second signature by
    the same party, or a case changed meanwhile, is refused by the rule: SakFeil)."""
    from .saker import SakFeil  # noqa: PLC0415
    from .signering import signer  # noqa: PLC0415

    sak = sak_for_signering(sak_id)
    if sak is None:
        raise SakFeil("fann ikkje saka")
    brukar_id, epost, _, namn = _brukar()
    with open(bilete.path(), "rb") as f:
        png = base64.b64encode(f.read()).decode("ascii")
    if sak.get("brukar_id") == brukar_id:
        # The employee's name as in the agreement, not the account's.
        namn = sak["svar"]["arbeidstakar"].get("namn") or namn
    return lagre_sak(signer(sak, mi_rolle(sak), namn, epost, brukar_id, png))


def lagre_dokument(sak: dict, pdf: bytes, docx: bytes, segl: dict) -> dict:
    """Keep the signed documents of the case's version once; returns what the case records."""
    post = {"versjon": sak["versjon"], "sha256_pdf": hashlib.sha256(pdf).hexdigest(), "segl": segl}
    _lager().set(f"dok:{sak['id']}:{sak['versjon']}", dict(post, pdf=base64.b64encode(pdf).decode("ascii"),
                                                           docx=base64.b64encode(docx).decode("ascii")))
    return post


def hent_dokument(sak: dict) -> dict | None:
    """The signed documents of the case's version: `pdf`, `docx` (bytes), `segl`, or None."""
    rad = _lager().get(f"dok:{sak['id']}:{sak['versjon']}")
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


def bilete_fil(variabel: str, png_b64: str) -> DAFile:
    return som_fil(variabel, base64.b64decode(png_b64), "underskrift.png")


def avtale_filnamn(sak: dict, ending: str) -> str:
    return f"avtale-signert-versjon-{sak['versjon']}.{ending}"


def signeringstabell(sak: dict) -> list[list[str]]:
    """The signing record for a screen (html_tabell escapes every cell): each party, signed or
    waiting."""
    from .signering import ROLLAR, signeringslogg  # noqa: PLC0415

    logg = {r["rolle"]: r for r in signeringslogg(sak)}
    return [[tittel, logg[r]["namn"], logg[r]["epost"], logg[r]["tid"]] if r in logg else [tittel, "–", "–", "Ventar"]
            for r, tittel in ROLLAR.items()]


def lag_signerte_dokument(sak: dict, dokument, tittel: str) -> tuple[dict, dict]:
    """Seal the assembled signed PDF (where a certificate is configured), keep PDF and DOCX, and
    record them on the case. `dokument`: the attachment docassemble assembled (DAFileCollection);
    `tittel`: the agreement's title, for the XMP fields (pdfa.skriv_xmp).
    Returns the case as stored and the documents (as hent_dokument gives them)."""
    from .pdfa import skriv_xmp  # noqa: PLC0415
    from .segl import IKKJE_OPPSETT, SeglFeil, forsegl  # noqa: PLC0415
    from .signering import signeringslogg  # noqa: PLC0415

    with open(dokument.pdf.path(), "rb") as f:
        pdf = f.read()
    dag = max(r["dag"] for r in signeringslogg(sak))
    pdf = skriv_xmp(pdf, tittel, sak["svar"]["verksemd"].get("namn") or "", sak["svar"]["arbeidstakar"].get("namn") or "", dag.isoformat())
    with open(dokument.docx.path(), "rb") as f:
        docx = f.read()
    try:
        oppsett = segl_oppsett()
        if oppsett is None:
            segl = {"forsegla": False, "melding": IKKJE_OPPSETT}
        else:
            pdf = forsegl(pdf, oppsett, f"Avtale om desentralisert arbeid, versjon {sak['versjon']}, skriven under av begge partar")
            segl = {"forsegla": True, "sertifikat": _sertifikatnamn(oppsett.sertifikat), "melding": ""}
    except SeglFeil as feil:
        segl = {"forsegla": False, "melding": "Dokumentet er ikkje forsegla. " + str(feil)}
    post = lagre_dokument(sak, pdf, docx, segl)
    sak = hent_sak(sak["id"])
    sak = lagre_sak(dict(sak, signert_dokument=post))
    return sak, dict(post, pdf=pdf, docx=docx)


def _sertifikatnamn(pem: bytes) -> str:
    from cryptography import x509  # noqa: PLC0415

    try:
        return x509.load_pem_x509_certificate(pem).subject.rfc4514_string()
    except ValueError:
        return x509.load_der_x509_certificate(pem).subject.rfc4514_string()


def segl_oppsett():
    from docassemble.base.util import get_config  # noqa: PLC0415

    from .segl import oppsett_fra_config  # noqa: PLC0415

    return oppsett_fra_config(get_config("desentral"))
