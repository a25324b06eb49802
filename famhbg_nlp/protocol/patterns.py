"""Layout cues of Swedish meeting minutes, as data.

Every pattern here is a generic convention of Swedish minutes (``Närvarande``,
``Anmält förhinder``, ``Beslut``, ``att``-clauses, ``§ N`` headings ...), never a
string taken from one document. The labels of the cover page and the attendance blocks
are a packaged table (``data/labels.tsv``, sources in ``data/SOURCE.md``); this module
compiles them and holds the smaller regex building blocks. Patterns are matched against
a *cleaned* line (markup removed, whitespace collapsed; see :mod:`.lines`),
case-insensitively unless stated.

Group names carry the meaning: ``rest`` is the text after a label on the same line,
``num``/``time``/``title`` the parts of a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import months, party_letters, weekdays
from ..resources import read_tsv

# --- building blocks -----------------------------------------------------------------------

#: End of a label: a colon or a tab (table cells of converted documents), or the end of the line.
_LABEL_END = r"(?:\s*[:\t]\s*(?P<rest>.*)|\s*)$"
#: The same, also without a colon when the value follows on the line and starts like a name, a
#: place, a number or a time (``Beslutande Anna Svensson (S)``, ``Plats och tid Stadshuset``):
#: tables of PDF minutes lose their column borders.
_LABEL_END_LOOSE = r"(?:(?:\s*[:\t]\s*|\s*[.…_]{2,}\s*|\.?\s+(?=(?-i:[A-ZÅÄÖÉ0-9~*§(/\"”])))(?P<rest>.*)|\s*[.…_]*\s*)$"

#: A clock time as written in minutes: ``08.30``, ``8:30``, ``0830`` (the 4-digit form only after ``kl``).
_CLOCK = r"\d{1,2}[.:]\s?\d{2}"
_CLOCK_KL = r"\d{1,2}[.:]\s?\d{2}|\d{4}|\d{1,2}(?![\d.:])"
_RANGE_SEP = r"\s*(?:-|–|—|till)\s*"

#: ``kl. 0830-11.00``, ``kl 08.30–12.00``, ``08.30-11:30``, ``kl. 13.00`` (start only), and a range
#: whose dash the PDF export lost (``kl. 13.00 17.15``).
TIME_RANGE = re.compile(
    rf"(?i:\bkl(?:ockan)?\.?\s*)(?P<start>{_CLOCK_KL})(?:{_RANGE_SEP}(?:kl\.?\s*)?(?P<end>{_CLOCK_KL})|\s+(?P<end3>{_CLOCK}))?"
    rf"|(?<![\d.:/-])(?P<start2>{_CLOCK}){_RANGE_SEP}(?P<end2>{_CLOCK})(?![\d.:/-]|-\d)"
)

_MONTHS = "|".join(sorted({name for names in months().values() for name in names}, key=len, reverse=True))
_WEEKDAYS = "|".join(weekdays())

#: Dates in a place/time line, removed before the place is read (the DATE entities are removed too).
DATE_LIKE = re.compile(
    rf"(?i)\b(?:(?:{_WEEKDAYS})(?:en)?\s+)?(?:den\s+)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{6,8}}"
    rf"|\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?)\b"
    rf"|\b(?:{_WEEKDAYS})(?:en)?\b"
)

#: Party letters as written after a name (one vocabulary: :func:`famhbg_nlp.lexicon.party_letters`).
PARTY_LETTERS: frozenset[str] = frozenset(p.upper() for p in party_letters())
#: Notes in parentheses that are party letters (``(S)``, ``(Mp)``, a local party's ``(SPI)``, ``(-)``).
PARTY = re.compile(r"^(?:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}|-|[a-zåäö]{1,2})$")

#: A word that names a unit or a room, not a person (``Kommunstyrelsekontoret``, ``Kanslienheten``).
ORG_ENDING = re.compile(
    r"(?i)(?:kontoret|förvaltningen|kansliet|enheten|avdelningen|huset|salen|rummet|nämnden|styrelsen|fullmäktige"
    r"|utskottet|kommun|kommuns|staden|regionen|bolaget)$"
)

#: Words that end a PERSON entity when the pipeline ran one into the next cell of a lost table
#: (``Maria Holm Paragraf``, ``Blå Forell Tisdag``): the weekday names.
PERSON_STOP = re.compile(rf"(?i)^(?:{_WEEKDAYS})(?:en)?$")

# --- labels (data/labels.tsv) --------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """One label of the cover page or an attendance block (a row of ``labels.tsv``)."""

    kind: str  # roster | officer | field
    target: str
    role: str | None
    strong: bool
    regex: re.Pattern[str]  # the label at the start of a line, with ``rest`` (loose end)
    anywhere: re.Pattern[str]  # the label inside a line (capitalised), for cutting flattened tables


@cache
def labels() -> tuple[Label, ...]:
    """The label table, compiled, in file order."""
    out = []
    for row in read_tsv(__name__.rpartition(".")[0] + ".data", "labels.tsv"):
        pattern = row["pattern"]
        out.append(
            Label(
                kind=row["kind"],
                target=row["target"],
                role=row["role"] or None,
                strong=row["strong"] == "1",
                regex=re.compile(rf"(?i)^(?:{pattern}){_LABEL_END_LOOSE}"),
                anywhere=re.compile(
                    rf"(?<![\w§/-])(?=[A-ZÅÄÖ])(?i:{pattern})(?=\s*[:\t]|\s*[.…]{{2,}}|\.?\s+(?-i:[A-ZÅÄÖÉ0-9§(/])|\s*$)"
                ),
            )
        )
    return tuple(out)


@cache
def any_label() -> re.Pattern[str]:
    """Every label of the table inside a line, in one pattern (a quick first pass; which label and
    how long is then asked of each label at the places this one finds)."""
    return re.compile("|".join(f"(?:{label.anywhere.pattern})" for label in labels()))


def match_label(text: str) -> tuple[Label, re.Match[str]] | None:
    """The first label of the table that ``text`` (a cleaned line) starts with."""
    for label in labels():
        m = label.regex.match(text)
        if m:
            return label, m
    return None


#: Body cues cut out of a flattened line: a decision or section label in the middle of a page that
#: lost its line breaks (``... Godkännande av dagordning Kommunfullmäktiges beslut Dagordningen ...``).
#: Capitalised, and followed by what starts a value (a capital, a colon, ``att``), never by ``§`` or a
#: date (``enligt Kommunstyrelsens beslut 2015-03-02`` is history).
BODY_CUT = re.compile(
    r"(?<![\w-])(?:"
    r"(?-i:[A-ZÅÄÖ])[\wåäö-]*(?:styrelse|nämnd|fullmäktige|utskott|beredning|direktion|förbund)(?:n|en|et|t)?s?\s+beslut"
    r"(?=\s*:|\s+(?-i:[A-ZÅÄÖ])|\s+att\b|\s*$)"
    r"|(?-i:F)örslag\s+till\s+beslut|(?-i:Ä)rendebeskrivning|(?-i:B)eskrivning\s+av\s+ärendet"
    r"|(?-i:S)ammanfattning\s+av\s+ärendet|(?-i:Y)rkanden?(?=\s|:)|(?-i:B)eslutsgång|(?-i:P)ropositionsordning"
    r"|(?-i:R)eservation(?:er)?(?=\s*:|\s+(?-i:[A-ZÅÄÖ]))|(?-i:P)rotokollsanteckning(?:ar)?|(?-i:O)mröstning(?:sresultat)?"
    r"|(?-i:B)eslutet\s+(?:skickas|expedieras)\s+till|(?-i:Ö)verläggning(?=\s+(?-i:[A-ZÅÄÖ]))"
    r"|(?-i:B)eslut(?=\s*:)"
    r"|(?-i:INNEHÅLLSFÖRTECKNING|Innehållsförteckning|ÄRENDEFÖRTECKNING|Ärendeförteckning)"
    r")",
    re.I,
)

#: Header fields read from the cover (after the label table has found the label).
BODY_FIELD = re.compile(rf"(?i)^(?:organ|beslutande\s+organ|nämnd|instans|nämnd/styrelse){_LABEL_END}")

#: Signature roles: a role word on its own line (``Palle Lundberg`` / ``ordförande``) or in slashes.
CHAIR_ROLE = r"(?:mötes)?ordförande(?:n)?|ordf\.?"
SECRETARY_ROLE = r"(?:mötes|nämnd|kommun)?sekreterare(?:n)?|sekretariatschef|protokollförare|vid\s+protokollet"
ADJUSTER_ROLE = r"(?:protokolls)?justerare|justerande|justeras(?:\s+av)?"
SIGNATURE_ROLE = re.compile(
    rf"(?i)^(?:underskrifter\s+)?(?P<role>{CHAIR_ROLE}|{SECRETARY_ROLE}|{ADJUSTER_ROLE})\s*:?(?P<line>[\s._…]*)(?:paragrafer?\b.*|§.*)?$"
)
SIGNATURE_FIELD = re.compile(
    rf"(?i)^(?P<role>{CHAIR_ROLE}|{SECRETARY_ROLE}|{ADJUSTER_ROLE})(?:\s*[:\t]\s*|\s*[._…]{{2,}}\s*)(?P<rest>\S.*)$"
)
CHAIR_RE = re.compile(rf"(?i)^(?:{CHAIR_ROLE})$")
SECRETARY_RE = re.compile(rf"(?i)^(?:{SECRETARY_ROLE})$")
ADJUSTER_RE = re.compile(rf"(?i)^(?:{ADJUSTER_ROLE})$")
#: A role that makes an attendee the chair (``ordförande``, ``ordf.``, ``ordf § 71-79``) -- not ``vice ordförande``.
CHAIR_IN_ROLE = re.compile(r"(?i)^(?:mötes)?ordf(?:örande|\.)?(?![\w\s]*\bi\s)(?:\s+(?:§.*|\d.*))?$")
SECRETARY_IN_ROLE = re.compile(r"(?i)^(?:(?:mötes|nämnd|kommun)?sekreterare|protokollförare)$")
#: ``Sekreterare är Per Ek.`` / ``Till sekreterare utses Per Ek``: a role stated in a sentence.
ROLE_SENTENCE = re.compile(
    rf"(?i)\b(?P<role>{CHAIR_ROLE}|{SECRETARY_ROLE}|{ADJUSTER_ROLE})\s+(?:är|var|blir|utses|utsågs|väljs|valdes)(?:\s+till)?\s+$"
)

#: A sentence that appoints the adjusters (``X och Y utses att justera``, ``Utsågs X att jämte Y justera``).
ADJUSTER_SENTENCE = re.compile(
    r"(?i)(?:^|(?<=[.!?\n]))[^.!?\n]{0,200}?\b(?:utses|utsågs|utser|utsåg|väljs|valdes)\b[^.!?]{0,200}?\bjustera\b[^.!?\n]{0,80}"
)

#: ``Paragrafer §§ 12-31``, ``§§ 55-80``, ``Paragraf 141-169``, ``46–58``: the range the cover declares.
PARAGRAPH_RANGE = re.compile(r"(?P<a>\d{1,4})(?:\s*(?:-|–|—)\s*(?P<b>\d{1,4}))?")

#: Item fields.
PRESENTER_FIELD = re.compile(rf"(?i)^(?:föredragande|föredragare|presentatör(?:er)?|dragande){_LABEL_END_LOOSE}")
ATTACHMENT_FIELD = re.compile(
    r"(?i)^(?:underlag|beslutsunderlag|bilagor|bilaga|handlingar|bilagda\s+handlingar|bifogade\s+handlingar)"
    r"(?:\s*[:\t]\s*(?P<rest>.*)|\s*)$"
)
#: A line that is itself an attachment reference (``Bilaga 3 – slutrapport``).
ATTACHMENT_LINE = re.compile(r"(?i)^bilaga\s+\d+\b.*$")

#: Decision cues: the label ``Beslut`` / ``Kommunstyrelsens beslut``, or ``<subject> beslutar``
#: (present tense only: ``beslöt`` and ``beslutade`` tell the history of an item, not what this
#: meeting decides). ``rest``: an ``att`` clause or a sentence after the cue on its line; ``whole``:
#: a decision in other words on the cue's line (``Kommunstyrelsen beslutar enligt förslaget.``).
DECISION_CUE = re.compile(
    r"(?i)^(?:(?:[\wåäöÅÄÖ-]+\s+){0,3}beslut(?:et)?|beslutades|beslöts|beslut\s+i\s+(?:korthet|sammandrag))"
    r"(?:\s*[:\t]\s*(?P<rest>.*)|\s+(?P<rest3>(?-i:[A-ZÅÄÖ])[^§]*|att\b.*)|\s*)$"
    r"|^(?:[\wåäöÅÄÖ-]+\s+){1,4}?beslutar(?:\s*[:,]?\s*(?P<rest2>att\b.*)|\s*:?\s*|\s+(?P<whole>\S.*))$"
)
#: Cues of a proposal (its ``att`` clauses are not decisions of this meeting). Checked before
#: :data:`DECISION_CUE`, which ``Förslag till beslut`` would also match.
PROPOSAL_CUE = re.compile(
    r"(?i)^(?:(?:[\wåäöÅÄÖ-]+\s+){0,3}förslag\s+till\s+beslut|beslutsförslag|förslag|yrkanden?"
    r"|(?:[\wåäöÅÄÖ-]+\s+){0,3}(?:förslag|yttrande)\s+(?:till|från)\s+\S+)(?:\s*[:\t].*|\s*)$"
    r"|^(?:förslag\s+till\s+beslut|yrkanden?)\s+\S.*$"
    r"|^.{0,80}\bföreslår\b(?:.{0,60}\bbesluta)?\s*:?\s*$"
)
#: Votes: ``Omröstning``, ``Omröstningsresultat``; the counts (``30 ja``, ``Ja 30``, ``JA-röster 30``).
VOTE_CUE = re.compile(r"(?i)^(?:omröstning(?:sresultat)?|votering|röstning)(?:\s*[:\t.].*|\s+\S.*|\s*)$")
VOTE_COUNT = re.compile(
    r"(?i)(?:(?P<n1>\d{1,3})\s+(?P<k1>ja|nej|avstår|avstod|avstående|nedlagda)(?:-?röster)?\b"
    r"|\b(?P<k2>ja|nej|avstår|avstående|nedlagda)(?:-?röster)?\s*[:=]?\s*(?P<n2>\d{1,3})\b)"
)
#: Reservations: the label, or a sentence (``Anna Ek (S) reserverar sig mot beslutet``).
RESERVATION_CUE = re.compile(r"(?i)^reservation(?:er)?(?:\s*[:\t].*|\s+\S.*|\s*)$")
RESERVATION_VERB = re.compile(r"(?i)\breserver(?:ar|ade)\s+sig\b|\breservation(?:er)?\s+(?:anmäls|anmäldes|lämnas)\b")
#: Other section labels that end a decision region.
SECTION_CUE = re.compile(
    r"(?i)^(?:bakgrund|ärendet|ärendebeskrivning|beskrivning\s+av\s+ärendet|sammanfattning(?:\s+av\s+ärendet)?"
    r"|ärendets\s+beredning|beredning|yttranden?|beslutsgång|propositionsordning|reservation(?:er)?"
    r"|protokollsanteckning(?:ar)?|särskilt\s+yttrande|jäv|expedieras(?:\s+till)?|expediering|överläggning"
    r"|(?:beslutet|protokollet)\s+(?:skickas|expedieras)\s+till|skickas\s+till|underskrifter|justering|justeras"
    r"|ärendedokument|läs\s+dokument.*|dagens\s+sammanträde|yrkande|motivering|dnr\b.*)"
    r"(?:\s*[:\t].*|\s*)$"
    r"|^(?:beslutsgång|propositionsordning|protokollsanteckning|ärendebeskrivning|beskrivning\s+av\s+ärendet"
    r"|överläggning|bakgrund)\s+\S.*$"
    r"|^[^\s:]{1,40}(?:\s+[^\s:]{1,40}){0,2}:$"
)

#: An enumerator before a clause (``1.``, ``2)``, ``a)``).
_ENUM = r"(?:\d{1,2}[.)]|[a-zåäö]\))"
#: The start of an ``att`` clause: at a line start (``att``, ``samt att``, ``2. Att``, ``-Att``) or
#: marked by emphasis anywhere (``**att**``, ``*samt att*``).
ATT_LINE = re.compile(rf"^(?:{_ENUM}\s*|-\s*)?(?P<att>(?:(?:samt|och)\s+)?[Aa]tt)\b(?!\s*$)")
ATT_EMPHASIS = re.compile(r"(?P<mark>\*{1,3}|_{1,2})(?P<att>(?:(?:samt|och)\s+)?[Aa]tt)(?P=mark)")
#: ``att`` clauses run together on one line (``... beslutar att A, att B samt att C``); ``och att``
#: continues a clause.
ATT_INLINE = re.compile(r"(?:(?<=[,;.])\s+|(?<!\s)\s+(?=samt\s))(?P<att>(?:samt\s+)?[Aa]tt)\s+(?=\w)")
#: An enumerated clause of a decision written without ``att`` (``1. Budgeten godkänns.``).
ENUMERATED = re.compile(rf"^(?:{_ENUM}|[-•–])\s+\S")

#: A case number where a title is expected (``§ 12 Dnr KS 2023/45``): the title is on the next line.
CASE_NUMBER = re.compile(
    r"(?i)^(?:(?:dnr|diarienr|diarienummer|ärendenr|ks|kf|ksau)\b\.?:?\s*)?[A-ZÅÄÖ]{0,6}[\s./-]?\d{2,4}[./:-]\S*(?:\s+-?\s*\d{1,4})*$"
    r"|^(?i:dnr|diarienr|diarienummer|ärendenr)\b"
)
#: A case number at the start of a title (``Dnr 2015/KA0291 Information från Polisen``): dropped.
CASE_PREFIX = re.compile(
    r"(?i)^(?:dnr|diarienr|diarienummer|ärendenr)\b\.?:?\s*(?:[A-ZÅÄÖ]{0,6}[\s./-]?)?\d[\w./:-]*(?:\s+-\s*\d{1,4}|\s+\d{3})?\s+"
    r"|^(?-i:[A-ZÅÄÖ]{2,6})[\s./]?\d{2,4}[./:-]\d[\w./:-]*(?:\s+-\s*\d{1,4}|\s+\d{3})?\s+"
)

#: Organ abbreviations before a § or a number (``KF § 45``, ``BUN § 7``, ``Ks 52``): capitals, or a
#: capital and lower-case letters, at most six; not a word that is something else before a number.
_ORGAN_ABBR = r"(?!(?i:dnr|nr|sid|sida|kl|bilaga|punkt|ärende|p|s|tid|år|kap|lag|sfs|se|och|enl)\b)(?:[A-ZÅÄÖ]{2,6}(?:-?[A-ZÅÄÖ]{1,4})?|[A-ZÅÄÖ][a-zåäö]{1,2})"
#: The number of a § heading: ``12``, ``14/21`` (the paragraph of the year).
_PARA_NUM = r"\d{1,4}(?:/\d{2,4})?"
#: ``§ 12 Titel``, ``§12``, ``12 §``, ``KF § 45``, ``BUN § 7``, ``MYN § 19 Dnr ...``: a § heading;
#: ``title``: the text after it (possibly a case number), empty when the title is on the next line.
ITEM_PARAGRAPH = re.compile(
    rf"^(?:(?P<organ>{_ORGAN_ABBR})\s+)?(?:§\s*(?P<num>{_PARA_NUM})|(?P<num2>{_PARA_NUM})\s*§)(?![\d/§])"
    rf"(?:\s*[.:,–-]?\s+(?P<title>(?-i:[^\sa-zåäö(]|[a-zåäö]\)).*)|\s*[.:]?)$"
)
#: ``Ks 52 KS 2021/0311``, ``Ks 428 Dnr ...``: an organ abbreviation and a number, then a case number
#: or the title.
ITEM_ORGAN_NUM = re.compile(
    r"^(?P<organ>(?-i:[A-ZÅÄÖ][a-zåäö]{1,3}|[A-ZÅÄÖ]{2,5}))\s+(?P<num>\d{1,4})(?:\s+(?P<title>\S.*)|\s*)$"
)
#: Items: ``3.``, ``3``, ``Punkt 3``, ``Ärende 3`` + title.
ITEM_NUMBERED = re.compile(
    r"^(?:(?:punkt|ärende|p\.)\s+)?(?P<num>\d{1,3}(?:\s?[½¼¾])?)(?:\.(?!\d)|\)|:|\s)\s*(?P<title>[\"'”“„«(]?[A-ZÅÄÖÉ].*|[a-zåäö]\)\s.*)$"
)
#: A number alone on a line (the title follows on the next line).
ITEM_NUMBER_ONLY = re.compile(r"^(?P<num>\d{1,4})\.?$")
#: Time-stamped agenda: ``10.30 Rubrik`` (optionally ``10.30-11.00``).
ITEM_TIMED = re.compile(
    rf"^(?P<time>{_CLOCK})(?:{_RANGE_SEP}{_CLOCK})?\s+(?:(?P<num>\d{{1,3}})\.?\s+)?(?P<title>[\"'”“„«]?[A-ZÅÄÖÉ].*)$"
)
#: Breaks in a time-stamped agenda that are not items.
PAUSE = re.compile(
    rf"(?i)^(?:{_CLOCK}(?:{_RANGE_SEP}{_CLOCK})?\s+)?"
    r"(?:paus|lunch(?:paus)?|fika|kaffe(?:paus)?|bensträckare|ajournering|mötet\s+ajourneras)\.?$"
)
#: Items whose unnumbered sub-headings are topics of the item, not items of their own.
COLLECTION_TITLE = re.compile(
    r"(?i)^(?:övrig(?:t|a)(?:\s+(?:frågor|ärenden|punkter))?|avstämningar|information(?:er|särenden)?\b.*"
    r"|korta\s+informationer\b.*|meddelanden|anmälningsärenden|delgivningar|aktuella\s+frågor|rapporter"
    r"|informations?punkter)$"
)

#: A table of contents: its heading, and an entry's page reference (dotted leader, page number).
TOC_HEADING = re.compile(
    r"(?i)^(?:innehåll(?:sförteckning)?|ärendeförteckning|ärendelista\s+med\s+sid\w*|förteckning\s+över\s+paragrafer)"
    r"(?:\s+(?:sid(?:a|an)?|paragrafer|ärenden|§|sida)\b.*)?$"
)
TOC_LEADER = re.compile(r"(?:(?<!\.)\.{3,}|(?<!…)…+|\s\.\s\.\s)\s*\d{1,4}\s*$|\s\d{1,4}\s*(?:-\s*\d{1,4})?$")
#: A TOC column heading (``Paragrafer Ärenden Sida``) or a bare page reference (``7 - 11``).
TOC_FURNITURE = re.compile(
    r"(?i)^(?:paragrafer|paragraf|ärenden?|sida|sid|§|rubrik|dnr)(?:\s+(?:ärenden?|sida|sid|rubrik|dnr|§))*$|^\d{1,4}(?:\s*-\s*\d{1,4})?$"
)

#: Organs: a word ending in one of these is the name of a body (``Kommunstyrelsen``, ``Barn- och
#: utbildningsnämnden``, ``Kommundirektörsgruppen``).
ORGAN_WORD = re.compile(
    r"(?i)(?<![\w-])-*\b[\wåäö-]*(?:styrelse|nämnd|fullmäktige|utskott|grupp|beredning|råd|direktion|presidi|förbund|"
    r"kommitté|delegation|stämma|ledningsgrupp|forum)(?:n|en|et|t|e|um|a)?s?\b"
)
PROTOCOL_TITLE = re.compile(r"(?i)^(?P<organ>.{2,80}?)s?\s+(?:sammanträdes)?protokoll\b")
PROTOCOL_FROM = re.compile(
    r"(?i)^(?:sammanträdes)?protokoll\s+(?:från|för|vid)\s+(?P<organ>.{2,80}?)(?:s\s+(?:sammanträde|möte)\b.*)?"
    r"(?:\s*[,(]|\s+[–-]\s|\s+\d|\s+(?:sammanträde|möte)|$)"
)
PROTOCOL_NUMBER = re.compile(
    r"(?i)\b(?:protokoll|sammanträde|möte)\s*(?:nr\.?|nummer)?\s+(?P<num>\d{1,4}\s*/\s*\d{2,4}|\d{1,3})(?![\d-])(?!\s*\()"
)

#: Verbs of presenting. A person who is the subject (``Johan Lindberg redogjorde``) or the agent
#: of a passive (``presenteras av Anna Berg``) presents the item.
PRESENT_VERBS = (
    r"redovisar|redovisade|redogör|redogjorde|informerar|informerade|berättar|berättade|presenterar|presenterade"
    r"|föredrar|föredrog|inledde|inleder|visade|rapporterar|rapporterade|introducerade|introducerar|föreläste"
)
PRESENT_ACTIVE = re.compile(rf"(?i)\b(?:{PRESENT_VERBS})\b")
PRESENT_PASSIVE = re.compile(
    r"(?i)\b(?:presenteras|presenterades|presenterade|redovisas|redovisades|föredras|föredrogs|dras|drogs"
    r"|framförs|framfördes)(?:\s+av\b|\s*:\s*$)"
)
#: Largest gap (characters) between persons of one list, or between the list and its verb.
PERSON_LIST_GAP = 80

#: Between two names of an attendance list: the first replaces the second, who is absent
#: (``ersätter``, ``tjänstgör för``, ``tjg för``, ``tjg ers för``, ``ers.``, ``ersättare för``, ``för``
#: in a list of serving substitutes).
REPLACES = re.compile(
    r"(?i)(?:\bersätter|\bersättare\s+för|\bi\s*stället\s+för|\btjänstgör(?:ande)?(?:\s+ersättare)?\s+för"
    r"|\btjg\.?(?:\s+ers\.?)?(?:\s+för)?|\bers\.?\s+för|\bers\.)[\s:]*$"
)
#: ``X (tjg för Y)``, ``X tjänstgörande ersättare för Y``: the same inside a segment.
REPLACES_ANY = re.compile(
    r"(?i)\b(?:ersätter|ersättare\s+för|i\s*stället\s+för|tjänstgör(?:ande)?(?:\s+ersättare)?\s+för|tjg\.?(?:\s+ers\.?)?\s+för"
    r"|ers\.?\s+för)\b"
)
#: In a list of substitutes: ``för Y`` at the start of a segment means "serving for Y".
FOR_ONLY = re.compile(r"(?i)^[\s,]*för[\s:]*$")

#: ``samtliga ledamöter med undantag för X och Y`` / ``övriga ledamöter utom X``: X and Y are absent.
EXCEPT = re.compile(r"(?i)\b(?:med\s+undantag\s+(?:för|av)|utom|förutom|undantagna?)\s*:?\s*$")
#: ``Samtliga ordinarie ledamöter`` (everyone but those named next).
ALL_MEMBERS = re.compile(r"(?i)\b(?:samtliga|alla|övriga)\s+(?:ordinarie\s+)?ledamöter\b")

#: § ranges and partial attendance in a note (``§§ 69-81``, ``§ 5``, ``t.o.m. § 54``, ``fr.o.m. § 55``,
#: ``paragraf 1-5``, ``44-57, 59``, ``till och med paragraf 4``).
PARTIAL = re.compile(
    r"(?i)(?:(?:t\.?\s?o\.?\s?m\.?|fr\.?\s?o\.?\s?m\.?|till\s+och\s+med|från\s+och\s+med|from|tom|efter|före|ej|utom|jäv)\s*)?"
    r"(?:§§?|paragraf(?:er(?:na)?)?)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s*(?:,|och)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*"
    r"|(?<![\w/:.-])\d{1,4}\s*[-–]\s*\d{1,4}(?:\s*,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*(?![\w/:.-])"
    r"|(?i:t\.?\s?o\.?\s?m\.?|fr\.?\s?o\.?\s?m\.?|from|tom)\s+kl\.?\s*\d{1,2}[.:]?\d{2}"
)

#: Affiliation phrase after a name: ``från Startpoint Advisory``, ``representerar projektet X``.
AFFILIATION = re.compile(r"(?i)\b(?:från|representerar|vid|på uppdrag av)\s+(?P<aff>.+)$")

#: Electronic-signature pages and the like: from this line to the end nothing is content.
BOILERPLATE_START = re.compile(
    r"(?i)^(?:underskriftssida|signatursida|signaturer|verifikat|transaktion\s+\d+|signature\s+reference"
    r"|(?:detta\s+)?dokument(?:et)?\s+(?:har\s+)?(?:signerats|skrivits\s+under|undertecknats)\s+elektroniskt)\b"
)
#: Page numbers (``Sida 2 av 5``, ``2 (5)``, ``2/5``, ``(2)``, ``1(30)``).
PAGE_NUMBER = re.compile(
    r"(?i)^(?:sida|sid\.?|s\.)?\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}|/\s*\d{1,3})?$|^\(\d{1,3}\)$"
)
#: Page furniture of printed minutes that is no content (``Justerandes signatur``, ``Utdragsbestyrkande``).
FURNITURE = re.compile(
    r"(?i)^(?:(?:justerandes?|ordförandens|justerarens)\s+(?:sign(?:atur)?|signaturer)|utdragsbestyrkande|utdraget\s+bestyrkes"
    r"|justering\s+utdrag\w*|justerandes\s+sign\s+utdragsbestyrkande|justering\s+\(sign\)\s+expediering|justering\s+utdraget\s+bestyrkes"
    r"|justerandes\s+signatur\s+utdragsbestyrkande)(?:\s+\S+){0,3}$"
)

#: Noise: a repeated short line (page header) is at most this long.
HEADER_MAX_CHARS = 90
#: A line this similar to the title line (difflib ratio) is a repeated page header.
HEADER_SIMILARITY = 0.9
#: An unnumbered heading is at most this long / this many words.
HEADING_MAX_CHARS = 70
HEADING_MAX_WORDS = 8
#: A paragraph this long counts as prose even without a final period.
PROSE_MIN_CHARS = 100
#: A numbered heading (``3.``, ``3 Rubrik``) may skip at most this many numbers; a § heading more.
ITEM_NUMBER_MAX_STEP = 5
PARAGRAPH_MAX_STEP = 40
#: Longest title of a numbered heading.
ITEM_TITLE_MAX_CHARS = 200
#: A role longer than this many words is prose, not a role.
ROLE_MAX_WORDS = 6

#: Markup dropped when a line is cleaned.
MARKUP = re.compile(
    r"\*{1,3}|_{2,}|~~|</?(?:b|i|u|s|em|strong|del|strike|span|mark|p|div|font)\b[^>]*>|<br\s*/?>|&nbsp;"
)
HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|(?:[-•–·▪]|\*(?=\s))\s+)*")
#: Struck-through text: markdown ``~~x~~`` or HTML ``<s>``/``<del>``/``<strike>``.
STRIKE = re.compile(r"~~(?P<a>.+?)~~|<(?P<tag>s|del|strike)\b[^>]*>(?P<b>.+?)</(?P=tag)>", re.S)
