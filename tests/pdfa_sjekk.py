"""PDF/A-2 check for the signed agreement (issue 17; level A and tagging, issue 29).

The reference validator, veraPDF, is a Java program served from Maven Central, which this
machine cannot reach, and neither PyPI, Debian nor npm carries it. The best the registries
offer is pikepdf (qpdf): a full parse with qpdf's own syntax check, and access to every object.
`pdfa_feil` checks with it the clauses of ISO 19005-2 (level b) that a LaTeX-made, sealed PDF
can break, each named by its clause; it does not check colour spaces of content streams,
glyph widths or the XMP schema extensions beyond their presence. Level A (the Typst path)
adds what makes the file tagged (ISO 19005-2, 6.8; ISO 32000-1, 14.8): marked, a structure
tree, the document language, every page's marked content reachable from the structure tree,
and (PDF/UA-1, ISO 14289-1, 7.1, 7.18) the title shown and every annotation in the tree.
"""
from __future__ import annotations

import os
from io import BytesIO

__all__ = ["pdfa_feil", "merking_feil", "xmp"]

_PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
_DC = "{http://purl.org/dc/elements/1.1/}"


def xmp(pdf: bytes) -> dict[str, str]:
    """The XMP fields as text (Dublin Core and pdfaid), the way pikepdf reads them."""
    import pikepdf

    with pikepdf.open(BytesIO(pdf)) as p:
        meta = p.open_metadata()
        return {k.split("}")[1]: (", ".join(sorted(map(str, v))) if isinstance(v, (set, list)) else str(v))
                for k, v in meta.items() if k.startswith((_PDFAID, _DC))}


def _skrifter(ressursar, sett: set) -> list:
    """Every font reachable from a resource dictionary, Form XObjects included."""
    import pikepdf

    ut = []
    if not isinstance(ressursar, pikepdf.Dictionary) or ressursar.objgen in sett and ressursar.objgen != (0, 0):
        return ut
    sett.add(ressursar.objgen)
    for _, font in (ressursar.get("/Font") or {}).items():
        ut.append(font)
        if font.get("/Subtype") == "/Type3":
            ut += _skrifter(font.get("/Resources"), sett)
    for _, xo in (ressursar.get("/XObject") or {}).items():
        if xo.get("/Subtype") == "/Form":
            ut += _skrifter(xo.get("/Resources"), sett)
    return ut


# ISO 19005-2, 6.6.3: each entry of the document information dictionary equals its XMP property.
_INFO_XMP = {"/Title": _DC + "title", "/Author": _DC + "creator", "/Subject": _DC + "description",
             "/Keywords": "{http://ns.adobe.com/pdf/1.3/}Keywords",
             "/Producer": "{http://ns.adobe.com/pdf/1.3/}Producer",
             "/Creator": "{http://ns.adobe.com/xap/1.0/}CreatorTool"}


def _info_mot_xmp(p, meta) -> list[str]:
    info = p.docinfo if "/Info" in p.trailer else {}
    ut = []
    for nokkel, xmp_namn in _INFO_XMP.items():
        if nokkel not in info:
            continue
        verdi = meta.get(xmp_namn)
        verdi = ", ".join(map(str, verdi)) if isinstance(verdi, (list, set)) else verdi
        if str(info[nokkel]) != str(verdi or ""):
            ut.append(f"6.6.3: {nokkel} i Info ({str(info[nokkel])!r}) og {xmp_namn} i XMP ({verdi!r}) er ulike")
    return ut


def merking_feil(p) -> list[str]:
    """What keeps the open PDF `p` from being tagged as level A and PDF/UA-1 ask."""
    import pikepdf

    feil = []
    if not (p.Root.get("/MarkInfo") or {}).get("/Marked"):
        feil.append("6.8.2.2: /MarkInfo /Marked er ikkje true")
    if not str(p.Root.get("/Lang", "")).startswith("nn"):
        feil.append(f"6.8.4 / 7.2: språket i katalogen er {p.Root.get('/Lang')!r}, ikkje nn")
    if not (p.Root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        feil.append("UA 7.1: /DisplayDocTitle er ikkje true")
    rot = p.Root.get("/StructTreeRoot")
    if rot is None:
        return feil + ["6.8.3: manglar StructTreeRoot"]
    tre = {int(k): v for k, v in pikepdf.NumberTree(p.make_indirect(rot.ParentTree)).items()} \
        if not rot.ParentTree.is_indirect else {int(k): v for k, v in pikepdf.NumberTree(rot.ParentTree).items()}
    for nr, side in enumerate(p.pages, 1):
        mcid = set()
        for operandar, operator in pikepdf.parse_content_stream(side):
            if str(operator) == "BDC" and isinstance(operandar[-1], pikepdf.Dictionary) and "/MCID" in operandar[-1]:
                mcid.add(int(operandar[-1].MCID))
        if mcid:
            nokkel = side.obj.get("/StructParents")
            liste = tre.get(int(nokkel)) if nokkel is not None else None
            if not isinstance(liste, pikepdf.Array):
                feil.append(f"6.8.3: side {nr} har merkt innhald, men /ParentTree har ingen liste for sida")
            else:
                manglar = sorted(m for m in mcid if m >= len(liste) or not isinstance(liste[m], pikepdf.Dictionary))
                if manglar:
                    feil.append(f"6.8.3: side {nr}: MCID {manglar} høyrer ikkje til noko strukturelement")
        for a in side.obj.get("/Annots") or []:
            if a.get("/StructParent") is None or int(a.StructParent) not in tre:
                feil.append(f"UA 7.18.1: merknaden {a.get('/Subtype')} på side {nr} er ikkje i strukturtreet")
    return feil


def pdfa_feil(pdf: bytes, konformitet: str | None = None) -> list[str]:
    """What keeps `pdf` from being PDF/A-2b (`konformitet` "B") or PDF/A-2a and PDF/UA-1 ("A"),
    one line per finding (clause of ISO 19005-2 or 14289-1); empty when none is found. By
    default the level of the PDF path the tests run on: A (Typst), B with DESENTRAL_PDF_VEG=latex."""
    konformitet = konformitet or ("B" if os.environ.get("DESENTRAL_PDF_VEG") == "latex" else "A")
    import pikepdf

    feil: list[str] = []
    if not pdf.startswith(b"%PDF-1."):
        feil.append("6.1.2: fila byrjar ikkje med %PDF-1.n")
    andre = pdf.split(b"\n", 2)[1] if pdf.count(b"\n") > 1 else b""
    if not (andre.startswith(b"%") and sum(b > 127 for b in andre[1:5]) == 4):
        feil.append("6.1.2: den andre lina er ikkje ein kommentar med fire binære teikn")
    with pikepdf.open(BytesIO(pdf)) as p:
        feil += [f"qpdf: {m}" for m in p.check_pdf_syntax()] if hasattr(p, "check_pdf_syntax") else \
            [f"qpdf: {m}" for m in p.check()]
        if p.is_encrypted or "/Encrypt" in p.trailer:
            feil.append("6.1.3: fila er kryptert")
        if "/ID" not in p.trailer:
            feil.append("6.1.3: trailer manglar /ID")
        meta = p.open_metadata()
        if meta.get(_PDFAID + "part") != "2" or meta.get(_PDFAID + "conformance") != konformitet:
            feil.append(f"6.6.4: XMP seier ikkje PDF/A-2{konformitet} (part={meta.get(_PDFAID + 'part')}, "
                        f"conformance={meta.get(_PDFAID + 'conformance')})")
        ms = p.Root.get("/Metadata")
        if ms is None or "/Filter" in ms:
            feil.append("6.6.2.1: XMP-straumen manglar eller er komprimert")
        feil += _info_mot_xmp(p, meta)
        if konformitet == "A":
            feil += merking_feil(p)
            if meta.get("{http://www.aiim.org/pdfua/ns/id/}part") != "1":
                feil.append("UA 5: XMP seier ikkje PDF/UA-1 (pdfuaid:part)")
            if not meta.get(_DC + "title"):
                feil.append("UA 7.1: dc:title manglar")
        intents = [i for i in (p.Root.get("/OutputIntents") or []) if i.get("/S") == "/GTS_PDFA1"]
        if not intents or "/DestOutputProfile" not in intents[0]:
            feil.append("6.2.3: manglar OutputIntent GTS_PDFA1 med ICC-profil")
        if "/EmbeddedFiles" in (p.Root.get("/Names") or {}):
            feil.append("6.8: innebygde filer")
        for nokkel in ("/AcroForm",):
            if "/XFA" in (p.Root.get(nokkel) or {}) or (p.Root.get(nokkel) or {}).get("/NeedAppearances"):
                feil.append("6.4.1/6.4.2: AcroForm med XFA eller NeedAppearances")
        if "/JavaScript" in (p.Root.get("/Names") or {}) or "/AA" in p.Root:
            feil.append("6.5/6.6.1: JavaScript eller tilleggshandlingar i katalogen")
        sett: set = set()
        for nr, side in enumerate(p.pages, 1):
            for font in _skrifter(side.get("/Resources"), sett):
                if font.get("/Subtype") == "/Type3":
                    continue
                for f in [font, *list(font.get("/DescendantFonts") or [])]:
                    fd = f.get("/FontDescriptor")
                    if f.get("/Subtype") == "/Type0":
                        continue
                    if fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        feil.append(f"6.2.11.4.1: skrifta {f.get('/BaseFont')} på side {nr} er ikkje innebygd")
            for a in side.get("/Annots") or []:
                sub = a.get("/Subtype")
                if sub == "/Popup":
                    continue
                flagg = int(a.get("/F", 0))
                if not flagg & 4 or flagg & (1 | 2 | 32 | 256):
                    feil.append(f"6.3.2: merknaden {sub} på side {nr} har flagg {flagg} (skal ha Print, ikkje Hidden)")
                rect = [float(x) for x in a.get("/Rect", [0, 0, 0, 0])]
                null = rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0
                if sub not in ("/Link",) and not null and "/AP" not in a:
                    feil.append(f"6.3.3: merknaden {sub} på side {nr} manglar utsjånad (/AP)")
                if "/A" in a and a.A.get("/S") in ("/Launch", "/JavaScript", "/Sound", "/Movie", "/ResetForm",
                                                    "/ImportData", "/Hide", "/SetOCGState", "/Rendition", "/Trans",
                                                    "/GoTo3DView"):
                    feil.append(f"6.5.1: forboden handling {a.A.get('/S')} på side {nr}")
        for obj in p.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                if "/Alternates" in obj or "/OPI" in obj or obj.get("/Interpolate") is True:
                    feil.append("6.2.8: bilete med /Alternates, /OPI eller /Interpolate true")
    return feil
