#!/usr/bin/env python3
"""NLTK corpora for the local docassemble server, made offline (docassemble-notes.md).

docassemble.webapp imports docassemble_pattern, which downloads WordNet, WordNet-IC and
SentiWordNet at import unless they are present; there is no internet here. WordNet 3.0 comes
from Debian's wordnet-base and wordnet-sense-index (its `lexnames` file is rebuilt from the
lexnames(5WN) table); WordNet-IC and SentiWordNet, which only English text analysis uses and
these interviews never call, are minimal valid files. docassemble decides whether to download by
looking for `corpora/<name>.zip` (docassemble/base/pattern.py), not for the folder NLTK reads, and
on a machine without internet each missing zip printed an «Error loading» line when a docassemble
command started: so each corpus is also written as the zip NLTK can read, and Open Multilingual
Wordnet (omw-1.4, other languages than English, never used here) as an empty one.
Usage: nltk_data.py NLTK_DATA_DIR
"""
import gzip
import re
import shutil
import sys
import zipfile
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
POS = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}


def lexnames() -> str:
    man = gzip.open("/usr/share/man/man5/lexnames.5WN.gz", "rt", encoding="utf-8", errors="replace").read()
    rows = re.findall(r"^(\d\d)\t(\w+\.\w+)\s*\t", man, flags=re.M)
    assert len(rows) == 45, len(rows)
    return "".join(f"{num}\t{name}\t{POS[name.split('.')[0]]}\n" for num, name in rows)


def main(target: str) -> int:
    corpora = Path(target) / "corpora"
    wordnet = corpora / "wordnet"
    wordnet.mkdir(parents=True, exist_ok=True)
    for f in sorted(WORDNET.iterdir()):
        if f.is_file():
            shutil.copyfile(f, wordnet / f.name)
    (wordnet / "lexnames").write_text(lexnames(), "utf-8")
    (corpora / "wordnet_ic").mkdir(exist_ok=True)
    (corpora / "wordnet_ic" / "ic-brown.dat").write_text("wnver::stub\n1740n 1.0 ROOT\n1740v 1.0 ROOT\n")
    (corpora / "sentiwordnet").mkdir(exist_ok=True)
    (corpora / "sentiwordnet" / "SentiWordNet_3.0.0.txt").write_text("# stub: no sentiment data offline\n")
    for namn in ("wordnet", "wordnet_ic", "sentiwordnet", "omw-1.4"):
        with zipfile.ZipFile(corpora / f"{namn}.zip", "w", zipfile.ZIP_DEFLATED) as arkiv:
            arkiv.writestr(f"{namn}/", "")
            for f in sorted((corpora / namn).glob("*")) if (corpora / namn).is_dir() else []:
                arkiv.write(f, f"{namn}/{f.name}")
    print(corpora)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
