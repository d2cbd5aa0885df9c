# do not pre-load
"""The agency's seal on the signed agreement (issue 17): a PAdES signature (baseline B-B) made
with pyHanko, with the certificate and key the administrator names in the server's config:

    desentral:
      segl sertifikat: /etc/desentral/segl.crt   # PEM, or the PEM text itself
      segl nykel: /etc/desentral/segl.key        # PEM private key, or the PEM text itself
      segl passord: ...                          # if the key is encrypted
      segl kjede: [/etc/desentral/mellom.crt]    # optional: intermediate certificates
      segl stad: Oslo                            # optional: the seal's location

Without `segl sertifikat` nothing is sealed and HR is told so; there is no self-signed fallback.
The seal makes any later change of the PDF's bytes detectable (pyHanko's validator reports
the signature as not intact). No timestamp authority is used, so the seal's time is the
server's clock (PAdES B-B, not B-T).
"""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

__all__ = ["SEGLFELT", "SeglFeil", "Segloppsett", "oppsett_fra_config", "forsegl", "seglprodusent", "IKKJE_OPPSETT"]

IKKJE_OPPSETT = ("Dokumentet er ikkje forsegla: tenaren har ikkje noko sertifikat for segl "
                 "(administratoren set «segl sertifikat» og «segl nykel» under «desentral» i konfigurasjonen).")


# The signature field the seal fills (signeringslager makes it first, tagged: pdfa.med_seglfelt).
SEGLFELT = "Segl"


class SeglFeil(RuntimeError):
    """The configured certificate or key cannot be used; the message is for HR (Nynorsk)."""


@dataclass(frozen=True)
class Segloppsett:
    sertifikat: bytes
    nykel: bytes
    passord: bytes | None = None
    kjede: tuple[bytes, ...] = ()
    stad: str | None = None

    def signer(self):
        from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        try:
            cert = next(iter(load_certs_from_pemder_data(self.sertifikat)))
            key = load_private_key_from_pemder_data(self.nykel, passphrase=self.passord)
            kjede = [c for data in self.kjede for c in load_certs_from_pemder_data(data)]
        except Exception as exc:  # noqa: BLE001 - any parse error is the same configuration error
            raise SeglFeil(f"Sertifikatet eller nykelen for seglet kan ikkje lesast ({type(exc).__name__}).") from exc
        return signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                    cert_registry=SimpleCertificateStore.from_certs([cert, *kjede]))


def _pem(verdi: object, namn: str) -> bytes:
    """A config value that is the PEM text itself, or a path to a PEM or DER file."""
    tekst = str(verdi).strip()
    if tekst.startswith("-----BEGIN"):
        return tekst.encode()
    sti = Path(tekst)
    if not sti.is_file():
        raise SeglFeil(f"Fila for «{namn}» finst ikkje på tenaren: {tekst}")
    return sti.read_bytes()


def oppsett_fra_config(desentral: dict | None) -> Segloppsett | None:
    """The seal set-up from the `desentral` config section; None when no certificate is set."""
    cfg = desentral or {}
    if not cfg.get("segl sertifikat"):
        return None
    if not cfg.get("segl nykel"):
        raise SeglFeil("«segl nykel» manglar i konfigurasjonen, sjølv om «segl sertifikat» er sett.")
    kjede = cfg.get("segl kjede") or []
    if isinstance(kjede, str):
        kjede = [kjede]
    passord = cfg.get("segl passord")
    return Segloppsett(sertifikat=_pem(cfg["segl sertifikat"], "segl sertifikat"),
                       nykel=_pem(cfg["segl nykel"], "segl nykel"),
                       passord=str(passord).encode() if passord else None,
                       kjede=tuple(_pem(k, "segl kjede") for k in kjede),
                       stad=cfg.get("segl stad"))


def seglprodusent() -> str:
    """The producer a sealed PDF names. pyHanko names itself when it seals: in the XMP it
    replaces the producer, in the document information it appends to it; PDF/A wants the two
    equal (ISO 19005-2, 6.6.3), so a PDF to be sealed says pyHanko's name in both beforehand
    (pdfa.sett_produsent) and they stay equal after."""
    from pyhanko.pdf_utils.metadata.model import VENDOR

    return VENDOR


def forsegl(pdf: bytes, oppsett: Segloppsett, grunn: str) -> bytes:
    """The PDF with the seal added as an incremental update (the signed PDF/A's bytes stay as
    they were, so its conformance is kept)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(field_name=SEGLFELT, reason=grunn, location=oppsett.stad,
                                        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
    try:
        ut = signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), meta, signer=oppsett.signer())
    except SeglFeil:
        raise
    except Exception as exc:  # noqa: BLE001 - reported to HR, the unsealed PDF is kept
        raise SeglFeil(f"Seglet kunne ikkje lagast ({type(exc).__name__}: {exc}).") from exc
    return ut.getvalue()
