# do not pre-load
"""A test seal: a certificate authority of its own and a seal certificate it issued (issue 29).

`scripts/serve.sh` makes one for the local server (kept in its state folder, named as a test
seal in every field HR and a PDF reader show), so the sealed path runs wherever the package is
tried; an agency's own certificate (`segl sertifikat` / `segl nykel`, or DESENTRAL_SEGL_* for
serve.sh) is used instead whenever it is set. The tests make one per run. Made with
`cryptography`, which pyHanko brings.

    python -m docassemble.desentral.dokument.testsegl MAPPE

makes MAPPE/ca.crt, segl.crt, segl.key (valid a year) unless a seal there is valid for 30 more
days, and prints the three paths as shell assignments (DESENTRAL_SEGL_SERTIFIKAT, _NYKEL, _CA).
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

__all__ = ["lag_ca", "gyldig_lenge_nok", "TESTNAMN"]

TESTNAMN = "TESTSEGL – ikkje eit ekte segl"
_ORG = "Testsegl for docassemble.desentral"


def _filer(mappe: Path) -> dict[str, Path]:
    return {"ca": mappe / "ca.crt", "sertifikat": mappe / "segl.crt", "nykel": mappe / "segl.key"}


def lag_ca(mappe: Path, dagar: int = 30, namn: str = "Segl for desentralisert arbeid",
           org: str = "Testverksemda") -> dict[str, Path]:
    """A CA and a seal certificate it issued, as PEM files in `mappe`: ca.crt, segl.crt,
    segl.key (mode 600). Valid from yesterday for `dagar` days."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    mappe.mkdir(parents=True, exist_ok=True)
    no = datetime.now(timezone.utc)

    def x509namn(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                          x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_cn = f"Test-CA for {namn}"[:64]
    ca_nykel = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(x509namn(ca_cn)).issuer_name(x509namn(ca_cn))
          .public_key(ca_nykel.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(no - timedelta(days=1)).not_valid_after(no + timedelta(days=dagar))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_nykel, hashes.SHA256()))
    nykel = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(x509namn(namn[:64])).issuer_name(ca.subject)
            .public_key(nykel.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(no - timedelta(days=1)).not_valid_after(no + timedelta(days=dagar))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .sign(ca_nykel, hashes.SHA256()))
    filer = _filer(mappe)
    filer["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    filer["sertifikat"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    filer["nykel"].touch(mode=0o600)
    filer["nykel"].write_bytes(nykel.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
    filer["nykel"].chmod(0o600)
    return filer


def gyldig_lenge_nok(sertifikat: Path, dagar: int = 30) -> bool:
    """Whether the certificate at `sertifikat` exists and is valid for `dagar` more days."""
    from cryptography import x509

    if not sertifikat.is_file():
        return False
    try:
        cert = x509.load_pem_x509_certificate(sertifikat.read_bytes())
    except ValueError:
        return False
    return cert.not_valid_after_utc > datetime.now(timezone.utc) + timedelta(days=dagar)


def main(args: list[str]) -> int:
    """The local server's test seal in MAPPE: made (valid a year) unless one there is valid for
    30 more days; prints the paths as shell assignments."""
    if len(args) != 1:
        print("bruk: python -m docassemble.desentral.dokument.testsegl MAPPE", file=sys.stderr)
        return 2
    mappe = Path(args[0])
    filer = _filer(mappe)
    if not (gyldig_lenge_nok(filer["sertifikat"]) and filer["nykel"].is_file()):
        filer = lag_ca(mappe, 365, namn=TESTNAMN, org=_ORG)
    print(f"export DESENTRAL_SEGL_SERTIFIKAT={filer['sertifikat']} DESENTRAL_SEGL_NYKEL={filer['nykel']} "
          f"DESENTRAL_SEGL_CA={filer['ca']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
