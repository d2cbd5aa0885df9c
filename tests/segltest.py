"""Test helpers for the seal (issue 17): a throwaway certificate authority and seal certificate
(made with `cryptography`), pyHanko's validator, and a PDF/A-2b check (see pdfa_sjekk)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

__all__ = ["lag_ca", "valider_segl"]


def lag_ca(mappe: Path) -> dict[str, Path]:
    """A CA and a seal certificate it issued, as PEM files in `mappe`: ca.crt, segl.crt,
    segl.key. Valid from yesterday for 30 days; made anew for each test run."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    mappe.mkdir(parents=True, exist_ok=True)
    no = datetime.now(timezone.utc)

    def namn(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Testverksemda"),
                          x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_nykel = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(namn("Test-CA for desentral")).issuer_name(namn("Test-CA for desentral"))
          .public_key(ca_nykel.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(no - timedelta(days=1)).not_valid_after(no + timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_nykel, hashes.SHA256()))
    nykel = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(namn("Segl for desentralisert arbeid")).issuer_name(ca.subject)
            .public_key(nykel.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(no - timedelta(days=1)).not_valid_after(no + timedelta(days=30))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .sign(ca_nykel, hashes.SHA256()))
    filer = {"ca": mappe / "ca.crt", "sertifikat": mappe / "segl.crt", "nykel": mappe / "segl.key"}
    filer["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    filer["sertifikat"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    filer["nykel"].write_bytes(nykel.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
    return filer


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
