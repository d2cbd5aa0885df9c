"""The ZIP an administrator uploads in Package Management (or to POST /api/package).

    python3 scripts/pakke_zip.py UT.zip                  # the working tree (tracked + new files)
    python3 scripts/pakke_zip.py UT.zip --ref eeab553    # a release, from its commit (CHANGELOG.md)
    python3 scripts/pakke_zip.py UT.zip --versjon 0.2.0.post1   # another build number
    python scripts/pakke_zip.py UTMAPPE --bygg [--ref COMMIT]     # sdist and wheel (PyPI), with
                                                                 # `build` in that Python

setup.py at the top of the ZIP, as docassemble expects; the version is the one line in
docassemble/desentral/__init__.py, which --versjon rewrites in the ZIP only.
"""
from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VERSJONSFIL = "docassemble/desentral/__init__.py"


def filer(ref: str | None) -> dict[str, bytes]:
    if ref:
        data = subprocess.run(["git", "archive", "--format=zip", ref], cwd=REPO, check=True,
                              capture_output=True).stdout
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
    namn = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True,
                          capture_output=True).stdout.decode().split("\0")
    return {n: (REPO / n).read_bytes() for n in namn if n and (REPO / n).is_file()}


def lag_zip(ut: Path, ref: str | None = None, versjon: str | None = None) -> Path:
    innhald = filer(ref)
    if versjon:
        innhald[VERSJONSFIL] = re.sub(rb'__version__ = "[^"]*"', f'__version__ = "{versjon}"'.encode(),
                                      innhald[VERSJONSFIL])
    with zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as z:
        for namn in sorted(innhald):
            z.writestr(namn, innhald[namn])
    return ut


def bygg(utmappe: Path, ref: str | None = None) -> tuple[Path, Path]:
    """The sdist and wheel of the tree or of a release's commit, as uploaded to a package index.
    Built from a clean copy (the ZIP's files), so no stale build/ in the checkout is reused."""
    utmappe.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="desentral-bygg-") as tmp:
        kjelde = Path(tmp) / "docassemble-desentral"
        with zipfile.ZipFile(lag_zip(Path(tmp) / "kjelde.zip", ref)) as z:
            z.extractall(kjelde)
        dist = Path(tmp) / "dist"
        subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir",
                        str(dist), str(kjelde)], check=True, capture_output=True)
        [whl], [sdist] = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
        return (Path(shutil.copy2(whl, utmappe)), Path(shutil.copy2(sdist, utmappe)))


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("ut", type=Path)
    p.add_argument("--ref")
    p.add_argument("--versjon")
    p.add_argument("--bygg", action="store_true", help="sdist and wheel into the folder UT")
    a = p.parse_args(argv)
    if a.bygg:
        for fil in bygg(a.ut, a.ref):
            print(fil)
    else:
        lag_zip(a.ut, a.ref, a.versjon)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
