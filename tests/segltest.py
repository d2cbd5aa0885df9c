"""Test helpers for the seal (issue 17): a throwaway certificate authority and seal certificate
(docassemble.desentral.dokument.testsegl), pyHanko's validator, and a PDF/A-2a check (see pdfa_sjekk)."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docassemble.desentral.dokument import testsegl

__all__ = ["lag_ca", "valider_segl"]


def lag_ca(mappe: Path) -> dict[str, Path]:
    """A CA and a seal certificate it issued, as PEM files in `mappe`: ca.crt, segl.crt,
    segl.key. Valid from yesterday for 30 days; made anew for each test run."""
    return testsegl.lag_ca(mappe, 30)


def valider_segl(pdf: bytes, ca: Path):
    """pyHanko's validation of the PDF's one signature against the test CA: the status object
    (`bottom_line`, `intact`, `valid`, `trusted`, `coverage`)."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from concurrent.futures import ThreadPoolExecutor

    def valider():
        lesar = PdfFileReader(BytesIO(pdf))
        signaturar = lesar.embedded_signatures
        assert len(signaturar) == 1, f"venta eitt segl, fann {len(signaturar)}"
        return validate_pdf_signature(signaturar[0], ValidationContext(trust_roots=[load_cert_from_pemder(str(ca))]))

    # pyHanko's synchronous validator runs its own asyncio loop; Playwright's sync API already
    # has one in this thread, so the validation gets a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as utforar:
        return utforar.submit(valider).result()


if __name__ == "__main__":
    # scripts/test.sh: a CA of the run's own for the test server's seal (config keys
    # `segl sertifikat` and `segl nykel`); prints the three paths as shell assignments.
    import sys

    filer = lag_ca(Path(sys.argv[1]))
    print(f"export DESENTRAL_SEGL_SERTIFIKAT={filer['sertifikat']} DESENTRAL_SEGL_NYKEL={filer['nykel']} "
          f"DESENTRAL_SEGL_CA={filer['ca']}")
