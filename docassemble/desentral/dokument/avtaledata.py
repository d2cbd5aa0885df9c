"""What the agreement templates print: user text made literal, and the computed clauses.

Every value a user typed reaches the Markdown templates through `trygg()` here, in one place:
the templates receive an `Avtaledata` whose text fields are already escaped, so Markdown,
Mako, HTML and raw LaTeX in an answer print as the characters they are. Plain Python; no
docassemble import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reglar.datoar import nynorsk_dato
from ..reglar.felles import AVTALETITTEL, manader_tekst, veker_tekst
from ..reglar.svarfil import Svar

__all__ = ["trygg", "Avtaledata", "avtaledata", "Signeringsside", "signeringsside", "STAD_NAMN", "pdf_metadata"]

# ASCII punctuation: pandoc's Markdown lets a backslash escape every one of them
# (all_symbols_escapable), which stops raw TeX (\input), raw attributes (`...`{=latex}), math
# ($), HTML (<...>), links and images ([...](...)). Square brackets are written as character
# references instead: docassemble replaces its own markup ([FILE …], [QR …], [EMOJI …], [NBSP],
# [BR] …; docassemble/base/filter/pandoc.py) in the Markdown before pandoc reads it, and its
# patterns find `[FILE` after a backslash too; pandoc reads `&#91;` as the character `[`.
_PUNKTUM = re.compile(r"([!-/:-@\[-`{-~])")
_HAKEPARENTES = {"[": "&#91;", "]": "&#93;"}


def _punktum(m: re.Match) -> str:
    return _HAKEPARENTES.get(m.group(1)) or "\\" + m.group(1)


def trygg(tekst: object) -> str:
    """User text as Markdown that pandoc prints literally, in PDF (LaTeX) and DOCX alike.

    Line breaks are kept as hard breaks; leading spaces are dropped so a line never becomes a
    code block; blank lines become one paragraph break.
    """
    if tekst is None:
        return ""
    linjer = [_PUNKTUM.sub(_punktum, linje.strip()) for linje in str(tekst).replace("\r\n", "\n").split("\n")]
    avsnitt, noverande = [], []
    for linje in linjer:
        if linje:
            noverande.append(linje)
        elif noverande:
            avsnitt.append(noverande)
            noverande = []
    if noverande:
        avsnitt.append(noverande)
    return "\n\n".join("\\\n".join(_etter_linjeskift(linje) if i else linje for i, linje in enumerate(a))
                       for a in avsnitt)


def _etter_linjeskift(linje: str) -> str:
    # pandoc writes a hard line break as `\\` in LaTeX, and LaTeX reads `\\` followed by `*` on
    # the next line as the starred `\\*` and drops the `*`: an empty LaTeX group between them
    # (a raw LaTeX span, which the DOCX writer leaves out) keeps the typed `*`.
    return "`{}`{=latex}" + linje if linje.startswith("\\*") else linje


STAD_NAMN = {
    "kontorfellesskap": "kontorfellesskap utanfor kontorstrukturen til verksemda",
    "annan_kontorstad": "ein annan kontorstad i verksemda",
    "heimekontor": "heimekontor",
}



HR_FYLLER_UT = "**Fyllast ut av arbeidsgivaren:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"


@dataclass
class Avtaledata:
    """Everything a template prints. Strings are Markdown, safe to insert as they are."""

    avtaletype: str
    tittel: str
    situasjon: int
    vekslande_arbeidsstad: bool
    arbeidstakar_namn: str
    stilling: str
    bustad: str
    verksemd_namn: str
    ordinaer_kontorstad: str
    stad: str
    arbeidsstad: str
    ordning_fra: str
    ordning_til: str | None
    omfang: str
    tilgjengelegheit: str
    arbeidstid: str
    kjernetid: str
    ytre_arbeidstid: str
    utstyr: str
    tryggingsreglar: str
    utstyr_ansvar: str
    dokumenthandtering: str
    # The decision's periods and notice as data; the templates hold the wording (issue 14).
    proveperiode: dict | None
    provetid: dict | None
    oppseiing: dict
    tiltreding: str
    mellombels_til: str | None
    heimel_mellombels: str
    lonn: str = HR_FYLLER_UT
    stillingskode: str = HR_FYLLER_UT
    stillingsprosent: str = HR_FYLLER_UT
    fodselsnummer: str = HR_FYLLER_UT
    utbetaling: str = HR_FYLLER_UT
    endeleg: bool = False
    manglar: list[str] = field(default_factory=list)
    hr_fyller_ut: str = HR_FYLLER_UT
    dagpendling_grunngjeving: str = ""
    # The last day for the agreement in writing, from the decision's timeline (issue 16):
    # arbeidsmiljølova § 14-5 or § 14-8 as in force on the day it counts from.
    skriftleg_seinast: str = ""
    skriftleg_kjelde: str = ""
    # The same deadline as one phrase («seinast …», «straks, …»), as the timeline words it.
    skriftleg_krav: str = ""
    # A changed agreement (issue 16): the day this version takes effect, or None.
    endra_fra: str | None = None
    # Part-time (issue 28, item 17): the position's share and the employee's own weekly hours,
    # from the answers and the dated figure of the state's ordinary working time.
    stillingsprosent_tal: int | None = None
    arbeidstimar: str | None = None
    full_arbeidstid: str = ""
    # A renewal (issue 28, item 12): a new period of an arrangement already tried.
    fornya: bool = False
    # A change that turns a tilleggsavtale into an ordinary agreement (issue 28, item 15).
    tidlegare_avtaletype: str | None = None
    # The PDF's descriptive fields (issue 27): the names exactly as typed, NOT Markdown — never
    # printed by a template; written into the finished PDF by pdfa.skriv_metadata.
    pdf_metadata: dict = field(default_factory=dict)

    # Counting words for the templates (the only Nynorsk they do not write themselves).
    @staticmethod
    def manader(n: int) -> str:
        return manader_tekst(n)

    @staticmethod
    def veker(n: int) -> str:
        return veker_tekst(n)


def _timar(t: float) -> str:
    """Hours as Nynorsk writes them: 37,5; 30; 18,75."""
    return f"{t:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _tekst_eller_hr(verdi: str | None) -> str:
    return trygg(verdi) if verdi and verdi.strip() else HR_FYLLER_UT


def _periodar(v: dict) -> tuple[dict | None, dict | None]:
    """Rettleiinga 5.3.6 and statstilsettelova § 15, kept apart: the prøveperiode for ordninga
    (the tilleggsavtale) and the employment's prøvetid, with their dates written out."""
    pp = v["proveperiode"] if v["avtaletype"] == "tilleggsavtale" else None
    proveperiode = None if not pp else {
        "manader": pp["manader"], "fra": nynorsk_dato(pp["fra"]), "til": nynorsk_dato(pp["til"]),
        "varsel_veker": pp["varsel_veker"]}
    pt = v["provetid"] if v["avtaletype"] == "arbeidsavtale" else None
    provetid = None if not pt else {
        "manader": pt["manader"], "fra": nynorsk_dato(pt["fra"]), "til": nynorsk_dato(pt["til"]),
        "til_utan_forlenging": nynorsk_dato(pt["til_utan_forlenging"]),
        "forlengd": pt.get("kan_forlengjast_til") is not None,
        "kan_forlengjast_til": nynorsk_dato(pt["kan_forlengjast_til"]) if pt.get("kan_forlengjast_til") else None,
        "halvparten": pt["halvparten"],
        "held_fram": bool(pt.get("held_fram")),
        "mellombels_til": nynorsk_dato(pt["mellombels_til"]) if pt["mellombels_til"] else None}
    return proveperiode, provetid


def _oppseiing(svar: Svar, v: dict) -> dict:
    """How the agreement ends, as the decision has it: for a tilleggsavtale its own notice and
    end; for an ordinary agreement statstilsettelova's notice (§§ 15, 22), a temporary post's
    end and its written notice (§ 17 (4))."""
    o = v["opphoyr"]
    if v["avtaletype"] == "tilleggsavtale":
        return {"frist_manader": svar.ordning.oppseiingsfrist_manader,
                "til": nynorsk_dato(svar.ordning.til) if svar.ordning.til else None}
    f = v["oppseiingsfrist"]
    return {
        "i_provetid": f["i_provetid"], "provetid_arbeidsgivar": f["arbeidsgivar_manader"],
        "provetid_arbeidstakar": f["arbeidstakar_manader"],
        "tabell": [{"over_ar": r["tenestetid_over_ar"], "arbeidsgivar": r["arbeidsgivar_manader"],
                    "arbeidstakar": r["arbeidstakar_manader"]} for r in f["tabell"]],
        "mellombels_slutt": nynorsk_dato(o["siste_dag"]) if f["tilsetjing"] == "mellombels" and o["siste_dag"] else None,
        "varsel_seinast": nynorsk_dato(o["varsel_for_slutt"]["seinast"]) if o.get("varsel_for_slutt") else None,
    }


def _dagpendling_grunngjeving(o) -> str:
    """Situation 3 (Rettleiinga 2.1): the employee's reasons why daily commuting is not
    realistic are the basis of the employer's assessment, so they go into the agreement."""
    if o.stad != "heimekontor" or not (o.dagpendling_grunngjeving and o.dagpendling_grunngjeving.strip()):
        return ""
    return trygg(o.dagpendling_grunngjeving)


def pdf_metadata(svar: Svar, tittel: str) -> dict:
    """A document's descriptive PDF fields (pdfa.skriv_metadata): its title, and the agency and
    the employee exactly as typed — data for the PDF's metadata, never Markdown."""
    return {"tittel": tittel, "verksemd": svar.verksemd.namn or "", "arbeidstakar": svar.arbeidstakar.namn or ""}


def avtaledata(svar: Svar, vurdering: dict, hr: dict | None = None, endeleg: bool = False) -> Avtaledata:
    """The template data for an in-scope decision. `hr`: what HR completed on approval
    (saker.HR_FELT); `endeleg`: the approved version for signature, not a draft."""
    if not vurdering["i_omfang"]:
        raise ValueError("saka er utanfor rettleiinga; det blir ikkje laga noka avtale")
    at, vk, o = svar.arbeidstakar, svar.verksemd, svar.ordning
    hr = {k: v for k, v in (hr or {}).items() if v and str(v).strip()}
    kjerne = vurdering["fleksitid"]["kjernetid"]
    ytre = vurdering["fleksitid"]["ytre_arbeidstid"]
    proveperiode, provetid = _periodar(vurdering)
    skriftleg = next(p for p in vurdering["tidslinje"] if p["kva"] == "skriftleg_frist")
    full = vurdering["fleksitid"]["alminneleg_arbeidstid"]
    prosent = at.stillingsprosent
    return Avtaledata(
        avtaletype=vurdering["avtaletype"],
        tittel=AVTALETITTEL[vurdering["avtaletype"]],
        situasjon=vurdering["situasjon"],
        vekslande_arbeidsstad=vurdering.get("vekslande_arbeidsstad", False),
        arbeidstakar_namn=_tekst_eller_hr(at.namn),
        stilling=_tekst_eller_hr(at.stilling),
        bustad=_tekst_eller_hr(at.bustad),
        verksemd_namn=_tekst_eller_hr(vk.namn),
        ordinaer_kontorstad=_tekst_eller_hr(vk.ordinaer_kontorstad),
        stad=STAD_NAMN[o.stad],
        arbeidsstad=_tekst_eller_hr(o.arbeidsstad),
        ordning_fra=nynorsk_dato(o.fra),
        ordning_til=nynorsk_dato(o.til) if o.til else None,
        endra_fra=nynorsk_dato(o.endra_fra) if o.endra_fra else None,
        omfang=_tekst_eller_hr(o.omfang),
        tilgjengelegheit=_tekst_eller_hr(o.tilgjengelegheit),
        arbeidstid=_tekst_eller_hr(o.arbeidstid),
        kjernetid=f"{kjerne['fra']}–{kjerne['til']}",
        ytre_arbeidstid=f"{ytre['fra']}–{ytre['til']}",
        utstyr=_tekst_eller_hr(hr.get("utstyr", o.utstyr)),
        tryggingsreglar=_tekst_eller_hr(hr.get("tryggingsreglar", o.tryggingsreglar)),
        utstyr_ansvar=_tekst_eller_hr(o.utstyr_ansvar),
        dokumenthandtering=_tekst_eller_hr(o.dokumenthandtering),
        proveperiode=proveperiode,
        provetid=provetid,
        oppseiing=_oppseiing(svar, vurdering),
        tiltreding=nynorsk_dato(at.tilsett_fra),
        mellombels_til=nynorsk_dato(at.mellombels_til) if at.mellombels_til else None,
        heimel_mellombels=_tekst_eller_hr(hr.get("heimel_mellombels")),
        lonn=_tekst_eller_hr(hr.get("lonn")),
        stillingskode=_tekst_eller_hr(hr.get("stillingskode")),
        # The answer (asked in the interview since 0.4.0); 0.3.0 cases: what HR wrote.
        stillingsprosent=f"{prosent} prosent" if prosent else _tekst_eller_hr(hr.get("stillingsprosent")),
        stillingsprosent_tal=prosent,
        fornya=bool(o.fornya),
        arbeidstimar=_timar(full * prosent / 100) if prosent else None,
        full_arbeidstid=_timar(full),
        tidlegare_avtaletype=o.tidlegare_avtaletype if o.tidlegare_avtaletype != vurdering["avtaletype"] else None,
        fodselsnummer=_tekst_eller_hr(hr.get("fodselsnummer")),
        utbetaling=_tekst_eller_hr(hr.get("utbetaling")),
        endeleg=endeleg,
        manglar=list(vurdering["manglar"]),
        dagpendling_grunngjeving=_dagpendling_grunngjeving(o),
        skriftleg_seinast=nynorsk_dato(skriftleg["dato"]),
        skriftleg_kjelde=skriftleg["kjelde"],
        skriftleg_krav=skriftleg["krav"],
        pdf_metadata=pdf_metadata(svar, AVTALETITTEL[vurdering["avtaletype"]]),
    )


@dataclass
class Signeringsside:
    """What the signing page of a signed agreement prints (issue 27): the version and the SHA-256
    of the approved document that was signed, and per party `tittel`, `namn`, `epost`, `tid`
    (Norwegian time), `tid_utc`, `sha256`, `teikna` (a drawn image was added to the confirming
    action) and `bilete` (a Markdown image, dokumentformat.bilete_markdown, or "").
    Strings are Markdown, safe to insert as they are."""

    tittel: str
    versjon: int
    sha256_pdf: str
    sha256_docx: str
    partar: list[dict]
    skriftleg_seinast: str
    skriftleg_kjelde: str
    pdf_metadata: dict = field(default_factory=dict)


def signeringsside(avtale: Avtaledata, versjon: int, dokument: dict, logg: list[dict],
                   bilete: dict[str, str]) -> Signeringsside:
    """The signing page's data. `avtale`: the approved version's data (for its title, deadline
    and the PDF's metadata); `dokument`: the approved document's `sha256_pdf`/`sha256_docx`;
    `logg`: signering.signeringslogg rows; `bilete`: per role the Markdown image of the drawn signature."""
    partar = [{"tittel": r["tittel"], "namn": trygg(r["namn"]), "epost": trygg(r["epost"]), "tid": r["tid"],
               "tid_utc": r["tid_utc"], "sha256": r.get("sha256") or "", "bilete": bilete.get(r["rolle"], ""),
               "teikna": bool(r.get("teikna"))}
              for r in logg]
    dato = max((r["dag"] for r in logg), default=None)
    return Signeringsside(tittel=avtale.tittel, versjon=versjon, sha256_pdf=dokument["sha256_pdf"],
                          sha256_docx=dokument["sha256_docx"], partar=partar,
                          skriftleg_seinast=avtale.skriftleg_seinast, skriftleg_kjelde=avtale.skriftleg_kjelde,
                          pdf_metadata=dict(avtale.pdf_metadata, dato=dato.isoformat() if dato else ""))

