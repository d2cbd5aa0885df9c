#!/usr/bin/env python3
"""Build data/templates/referanse.docx: pandoc's own reference document, made Nynorsk and A4.

Run again after a pandoc upgrade: `python3 scripts/lag_referanse_docx.py`. The DOCX writer takes
styles and page set-up from this file; `lang: nn-NO` in the metadata also sets the language.
"""
import re
import subprocess
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docassemble" / "desentral" / "data" / "templates" / "referanse.docx"
A4 = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
      '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="708" '
      'w:footer="708" w:gutter="0"/></w:sectPr>')


def main() -> int:
    original = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                              check=True, capture_output=True).stdout
    tmp = OUT.with_suffix(".orig.docx")
    tmp.write_bytes(original)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                text = data.decode("utf-8")
                text, n = re.subn(r'<w:lang [^>]*/>', '<w:lang w:val="nn-NO" w:eastAsia="nn-NO" w:bidi="ar-SA" />', text)
                assert n >= 1, "no w:lang in styles.xml"
                data = text.encode("utf-8")
            elif item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text, n = re.subn(r"<w:sectPr\s*/>|<w:sectPr>.*?</w:sectPr>", A4, text, flags=re.S)
                assert n == 1, "no sectPr in document.xml"
                data = text.encode("utf-8")
            elif item.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<dc:language>.*?</dc:language>", "", text)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    tmp.unlink()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
