# do not pre-load
"""A PDF's descriptive metadata, exactly as typed, and the signed agreement's pages (issues 17, 27).

The LaTeX template makes PDF/A-2b (pdfx: output intent, embedded fonts, XMP), but pdfx reads its
XMP fields as LaTeX: a name such as «\\makeatletter\\@gobble» stopped lualatex there, and
«^^M» or «#» came out one way in the XMP and another in the document information. So the
template writes only fixed text into its metadata, and every PDF the package keeps gets its
descriptive fields here, from the stored answers, with pikepdf (qpdf): title, agency
(dc:creator, dc:publisher), employee (dc:contributor), date and language, mirrored into the
document information dictionary as PDF/A requires (ISO 19005-2, 6.6.3) — text is data, never
markup, on every PDF path.
"""
from __future__ import annotations

from io import BytesIO

__all__ = ["skriv_metadata", "legg_til_sider", "sett_produsent", "med_seglfelt", "PRODUSENT"]

# The producer and keywords named in both the XMP and the document information (PDF/A: they
# must agree).
PRODUSENT = "docassemble.desentral"
NOKKELORD = "desentralisert arbeid"
NPAGES = "{http://ns.adobe.com/xap/1.0/t/pg/}NPages"


def _open(pdf: bytes):
    import pikepdf  # noqa: PLC0415 - heavy; only where a PDF is written

    return pikepdf.open(BytesIO(pdf))


def _lagre(p) -> bytes:
    import pikepdf  # noqa: PLC0415

    ut = BytesIO()
    # No object streams: the file stays as LaTeX wrote it apart from what was changed.
    p.save(ut, object_stream_mode=pikepdf.ObjectStreamMode.preserve, compress_streams=False)
    return ut.getvalue()


def _skriv(p, tittel: str, verksemd: str, arbeidstakar: str, dato: str) -> None:
    with p.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["dc:title"] = tittel
        meta["dc:creator"] = [verksemd or "Arbeidsgivaren"]
        meta["dc:publisher"] = {verksemd or "Arbeidsgivaren"}
        meta["dc:contributor"] = {arbeidstakar or "Arbeidstakaren"}
        meta["dc:language"] = {"nn-NO"}
        meta["pdf:Producer"] = PRODUSENT
        # pdfx puts the keywords in dc:subject only; the Info's /Keywords needs pdf:Keywords.
        meta["pdf:Keywords"] = NOKKELORD
        if dato:
            meta["dc:date"] = [dato]


def skriv_metadata(pdf: bytes, tittel: str, verksemd: str, arbeidstakar: str, dato: str = "") -> bytes:
    """The PDF with its descriptive fields set to these values literally (XMP and document
    information alike); the rest of the file is kept."""
    with _open(pdf) as p:
        _skriv(p, tittel, verksemd, arbeidstakar, dato)
        return _lagre(p)



def sett_produsent(pdf: bytes, produsent: str) -> bytes:
    """The PDF with `produsent` as its producer in the XMP and the document information alike."""
    with _open(pdf) as p:
        with p.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["pdf:Producer"] = produsent
        return _lagre(p)


def legg_til_sider(pdf: bytes, tillegg: bytes) -> bytes:
    """`pdf` with the pages of `tillegg` after its own (the signing page after the approved
    agreement): the approved pages, their content and resources are kept as they are. When
    both are tagged (the Typst path), the added pages' structure joins the document's as a
    section (_flett_struktur), so the whole file stays tagged (PDF/A-2a, PDF/UA-1)."""
    with _open(pdf) as p, _open(tillegg) as t:
        tagga = "/StructTreeRoot" in p.Root and "/StructTreeRoot" in t.Root
        if tagga:
            forskyv = _forskyv_strukturnummer(p, t)
        p.pages.extend(t.pages)
        if tagga:
            _flett_struktur(p, t, forskyv)
        _sett_sidetal(p)
        return _lagre(p)


def _forskyv_strukturnummer(p, t) -> int:
    """Renumber `t`'s keys into its structure parent tree (pages' /StructParents, annotations'
    and form XObjects' /StructParent(s)) after `p`'s, before its pages are copied; returns the
    offset. The IDs of its structure elements get a prefix (two documents' tables may both say
    «U1x0y0»; an ID is unique in a file)."""
    import pikepdf  # noqa: PLC0415

    forskyv = int(p.Root.StructTreeRoot.get("/ParentTreeNextKey", 0))
    for side in t.pages:
        objekt = [side.obj, *side.obj.get("/Annots", [])]
        objekt += [x for _, x in (side.obj.get("/Resources", {}).get("/XObject", {}) or {}).items()]
        for o in objekt:
            for nokkel in ("/StructParents", "/StructParent"):
                if nokkel in o:
                    o[nokkel] = int(o[nokkel]) + forskyv
    _gi_nye_id(t.Root.StructTreeRoot, forskyv, pikepdf)
    return forskyv


def _element(rot):
    """Every structure element under `rot` (depth first)."""
    import pikepdf  # noqa: PLC0415

    stabel, sett = [rot], set()
    while stabel:
        e = stabel.pop()
        born = e.get("/K") if isinstance(e, pikepdf.Dictionary) else None
        if born is None:
            continue
        for b in (born if isinstance(born, pikepdf.Array) else [born]):
            if isinstance(b, pikepdf.Dictionary) and b.get("/Type", pikepdf.Name.StructElem) == pikepdf.Name.StructElem \
                    and "/S" in b and b.objgen not in sett:
                if b.is_indirect:
                    sett.add(b.objgen)
                yield b
                stabel.append(b)


def _gi_nye_id(rot, forskyv: int, pikepdf) -> None:
    nye = {}
    for e in _element(rot):
        if "/ID" in e:
            nye[str(e.ID)] = f"S{forskyv}-{e.ID}"
            e.ID = pikepdf.String(nye[str(e.ID)])
    if not nye:
        return
    for e in _element(rot):
        attr = e.get("/A")
        for a in (attr if isinstance(attr, pikepdf.Array) else [attr] if attr is not None else []):
            if isinstance(a, pikepdf.Dictionary) and "/Headers" in a:
                a.Headers = pikepdf.Array([pikepdf.String(nye.get(str(h), str(h))) for h in a.Headers])
    if "/IDTree" in rot:
        # Names in a name tree are sorted; the renamed ones go into a flat tree of their own.
        par = sorted((nye.get(k, k), v) for k, v in pikepdf.NameTree(rot.IDTree).items())
        rot.IDTree = pikepdf.Dictionary(Names=pikepdf.Array([x for k, v in par for x in (pikepdf.String(k), v)]))


def _dokumentelement(p):
    """The document's top structure element, its children as an array (to append to), and the
    structure root with its parent tree indirect (pikepdf's tree helpers need that; Typst writes
    it inline)."""
    import pikepdf  # noqa: PLC0415

    rot = p.Root.StructTreeRoot
    if not rot.ParentTree.is_indirect:
        rot.ParentTree = p.make_indirect(rot.ParentTree)
    dok = rot.K[0] if isinstance(rot.K, pikepdf.Array) else rot.K
    if not isinstance(dok.K, pikepdf.Array):
        dok.K = pikepdf.Array([dok.K])
    return rot, dok


def _flett_struktur(p, t, forskyv: int) -> None:
    """Join `t`'s structure tree (its pages already copied into `p`) to `p`'s: its top element
    becomes a section (/Sect) under `p`'s document element, its parent-tree entries join
    `p`'s at the offset, its role map and IDs join `p`'s."""
    import pikepdf  # noqa: PLC0415

    (rot, dok), kopi = _dokumentelement(p), p.copy_foreign(t.Root.StructTreeRoot)
    for e in (kopi.K if isinstance(kopi.K, pikepdf.Array) else [kopi.K]):
        if e.get("/S") == pikepdf.Name.Document:
            e.S = pikepdf.Name.Sect
        e.P = dok
        dok.K.append(e)
    # pikepdf's tree helpers work on indirect objects; Typst writes the trees inline.
    for r, namn in ((rot, "/IDTree"), (kopi, "/ParentTree"), (kopi, "/IDTree")):
        if namn in r and not r[namn].is_indirect:
            r[namn] = p.make_indirect(r[namn])
    tre = pikepdf.NumberTree(rot.ParentTree)
    for nokkel, verdi in pikepdf.NumberTree(kopi.ParentTree).items():
        tre[int(nokkel) + forskyv] = verdi
    rot.ParentTreeNextKey = forskyv + int(kopi.get("/ParentTreeNextKey", 0))
    for kart in ("/RoleMap", "/ClassMap"):
        if kart in kopi:
            samla = rot.get(kart) or pikepdf.Dictionary()
            for k, v in kopi[kart].items():
                if k not in samla:
                    samla[k] = v
            rot[kart] = samla
    if "/IDTree" in kopi:
        if "/IDTree" not in rot:
            rot.IDTree = p.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array()))
        idtre = pikepdf.NameTree(rot.IDTree)
        for namn, e in pikepdf.NameTree(kopi.IDTree).items():
            idtre[namn] = e


def med_seglfelt(pdf: bytes, namn: str, skildring: str) -> bytes:
    """`pdf` with an empty, invisible signature field `namn` on its last page, for the seal to
    fill (segl.forsegl). pyHanko would make the field itself, but untagged; made here it is a
    structure element (/Form, with `skildring` as its alternate description and the field's
    /TU) when the PDF is tagged, so the sealed file stays PDF/UA-1 and PDF/A-2a."""
    import pikepdf  # noqa: PLC0415

    with _open(pdf) as p:
        side = p.pages[-1].obj
        felt = p.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Sig, T=pikepdf.String(namn),
            TU=pikepdf.String(skildring), Rect=pikepdf.Array([0, 0, 0, 0]), F=4 | 128, P=side))
        side.Annots = pikepdf.Array([*side.get("/Annots", []), felt])
        skjema = p.Root.get("/AcroForm")
        if skjema is None:
            skjema = p.Root.AcroForm = p.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array()))
        skjema.Fields.append(felt)
        if "/StructTreeRoot" in p.Root:
            rot, dok = _dokumentelement(p)
            nokkel = int(rot.get("/ParentTreeNextKey", 0))
            element = p.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name.Form, P=dok, Pg=side, Alt=pikepdf.String(skildring),
                K=pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=felt, Pg=side)))
            dok.K.append(element)
            felt.StructParent = nokkel
            pikepdf.NumberTree(rot.ParentTree)[nokkel] = element
            rot.ParentTreeNextKey = nokkel + 1
        return _lagre(p)


def _sett_sidetal(p) -> None:
    """The XMP's page count (xmpTPg:NPages, which Typst writes) after pages were added."""
    with p.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if NPAGES in meta:
            meta[NPAGES] = str(len(p.pages))
