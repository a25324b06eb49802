"""Layout cues of Swedish meeting minutes, as data.

Every pattern here is a generic convention of Swedish minutes (``Närvarande``,
``Anmält förhinder``, ``Beslut``, ``att``-clauses, ``§ N`` headings ...), never a
string taken from one document. Patterns are matched against a *cleaned* line
(markdown/HTML markup removed, whitespace collapsed; see ``parser.clean_line``),
case-insensitively unless stated.

Group names carry the meaning: ``rest`` is the text after a label on the same
line, ``num``/``time``/``title`` the parts of a heading.
"""

from __future__ import annotations

import re

# --- building blocks -----------------------------------------------------------------------

#: End of a label: a colon or a tab (table cells of converted documents), or the end of the line.
_LABEL_END = r"(?:\s*[:\t]\s*(?P<rest>.*)|\s*)$"
#: The same, also without a colon when the value follows on the line and starts like a name, a
#: place or a time (``Beslutande Anna Svensson (S)``, ``Plats och tid Stadshuset``): tables
#: of PDF minutes lose their column borders.
_LABEL_END_LOOSE = r"(?:(?:\s*[:\t]\s*|\s+(?=(?-i:[A-ZÅÄÖÉ0-9~*])))(?P<rest>.*)|\s*)$"

#: A clock time as written in minutes: ``08.30``, ``8:30``, ``0830`` (the 4-digit form only after ``kl``).
_CLOCK = r"\d{1,2}[.:]\d{2}"
_CLOCK_KL = r"\d{1,2}[.:]\d{2}|\d{4}|\d{1,2}(?![\d.:])"
_RANGE_SEP = r"\s*(?:-|–|—|till)\s*"

#: ``kl. 0830-11.00``, ``kl 08.30–12.00``, ``08.30-11:30``, ``kl. 13.00`` (start only).
TIME_RANGE = re.compile(
    rf"(?i:\bkl(?:ockan)?\.?\s*)(?P<start>{_CLOCK_KL})(?:{_RANGE_SEP}(?:kl\.?\s*)?(?P<end>{_CLOCK_KL}))?"
    rf"|(?<![\d.:/-])(?P<start2>{_CLOCK}){_RANGE_SEP}(?P<end2>{_CLOCK})(?![\d.:/-]|-\d)"
)

#: Dates in a place/time line, removed before the place is read (the DATE entities are removed too).
DATE_LIKE = re.compile(
    r"(?i)\b(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{6,8}"
    r"|\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:jan|feb|mars?|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?(?:\s+\d{4})?)\b"
)

# --- whole-line cues -----------------------------------------------------------------------

#: Attendance blocks: (pattern of the label, kind, role given to people listed without one).
ROSTER_CUES: tuple[tuple[str, str, str | None], ...] = (
    (r"tjänstgörande\s+ersättare", "attendees", "tjänstgörande ersättare"),
    (r"(?:närvarande|icke\s+tjänstgörande|ej\s+tjänstgörande)\s+ersättare", "attendees", "ersättare"),
    (r"ersättare", "attendees", "ersättare"),
    (r"närvarande(?:\s+(?:ledamöter|tjänste(?:män|personer)|från\s+\w+))?", "attendees", None),
    (r"(?:beslutande|tjänstgörande)(?:\s+ledamöter)?", "attendees", None),
    (r"ledamöter", "attendees", None),
    (r"övriga\s+(?:närvarande|deltagare|deltagande)", "attendees", None),
    (r"(?:tjänste(?:män|personer)|deltagare|adjungerade?)", "attendees", None),
    (r"anmäl[dt]\s+(?:förhinder|frånvaro)", "absent", None),
    (r"(?:frånvarande|ej\s+närvarande)(?:\s+ledamöter)?", "absent", None),
    (r"förhinder", "absent", None),
    (r"(?:inbjudna\s+gäster|inbjudna|gäster|övriga\s+inbjudna|externa\s+deltagare)", "guests", None),
)
ROSTER_RES: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(rf"(?i)^(?:{label}){_LABEL_END_LOOSE}"), kind, role) for label, kind, role in ROSTER_CUES
)

#: Header fields: time and place, date.
PLACE_TIME_FIELD = re.compile(
    rf"(?i)^(?P<label>(?:tid|datum)\s*(?:/|och|&|,)\s*(?:plats|lokal)|(?:plats|lokal)\s*(?:/|och|&|,)\s*(?:tid|datum)"
    rf"|plats|lokal|sammanträdesplats|mötesplats|tid|sammanträdestid|mötestid){_LABEL_END_LOOSE}"
)
DATE_FIELD = re.compile(rf"(?i)^(?:datum|sammanträdesdatum|mötesdatum){_LABEL_END_LOOSE}")
BODY_FIELD = re.compile(rf"(?i)^(?:organ|beslutande\s+organ|nämnd|instans){_LABEL_END}")

#: Signature roles; a field form ``Ordförande: Namn`` needs the colon, tab or a run of dots.
CHAIR_ROLE = r"(?:mötes)?ordförande|ordf\.?"
SECRETARY_ROLE = r"(?:mötes|nämnd|kommun)?sekreterare|sekretariatschef|protokollförare|vid\s+protokollet"
ADJUSTER_ROLE = r"justerare|justerande|justeras(?:\s+av)?"
SIGNATURE_ROLE = re.compile(
    rf"(?i)^(?:underskrifter\s+)?(?P<role>{CHAIR_ROLE}|{SECRETARY_ROLE}|{ADJUSTER_ROLE})\s*:?(?P<line>[\s._…]*)(?:paragrafer?\b.*|§.*)?$"
)
SIGNATURE_FIELD = re.compile(
    rf"(?i)^(?P<role>{CHAIR_ROLE}|{SECRETARY_ROLE}|{ADJUSTER_ROLE})(?:\s*[:\t]\s*|\s*[._…]{{2,}}\s*)(?P<rest>\S.*)$"
)
CHAIR_RE = re.compile(rf"(?i)^(?:{CHAIR_ROLE})$")
SECRETARY_RE = re.compile(rf"(?i)^(?:{SECRETARY_ROLE})$")

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
#: meeting decides). ``rest``: an ``att`` clause on the cue's line; ``whole``: a decision in
#: other words on the cue's line (``Kommunstyrelsen beslutar enligt förslaget.``).
DECISION_CUE = re.compile(
    r"(?i)^(?:(?:[\wåäöÅÄÖ-]+\s+){0,3}beslut(?:et)?|beslutades|beslöts|beslut\s+i\s+(?:korthet|sammandrag))"
    r"(?:\s*[:\t]\s*(?P<rest>.*)|\s*)$"
    r"|^(?:[\wåäöÅÄÖ-]+\s+){1,4}?beslutar(?:\s*[:,]?\s*(?P<rest2>att\b.*)|\s*:?\s*|\s+(?P<whole>\S.*))$"
)
#: Cues of a proposal (its ``att`` clauses are not decisions of this meeting). Checked before
#: :data:`DECISION_CUE`, which ``Förslag till beslut`` would also match.
PROPOSAL_CUE = re.compile(
    r"(?i)^(?:(?:[\wåäöÅÄÖ-]+\s+){0,3}förslag\s+till\s+beslut|beslutsförslag|förslag|yrkanden?)(?:\s*[:\t].*|\s*)$"
    r"|^.{0,80}\bföreslår\b(?:.{0,60}\bbesluta)?\s*:?\s*$"
)
#: Other section labels that end a decision region.
SECTION_CUE = re.compile(
    r"(?i)^(?:bakgrund|ärendet|ärendebeskrivning|beskrivning\s+av\s+ärendet|sammanfattning(?:\s+av\s+ärendet)?"
    r"|ärendets\s+beredning|beredning|yttranden?|beslutsgång|propositionsordning|reservation(?:er)?"
    r"|protokollsanteckning(?:ar)?|särskilt\s+yttrande|jäv|expedieras(?:\s+till)?|expediering"
    r"|(?:beslutet|protokollet)\s+(?:skickas|expedieras)\s+till|skickas\s+till|underskrifter|justering|justeras)"
    r"(?:\s*[:\t].*|\s*)$"
    r"|^[^\s:]{1,40}(?:\s+[^\s:]{1,40}){0,2}:$"
)

#: An enumerator before a clause (``1.``, ``2)``, ``a)``).
_ENUM = r"(?:\d{1,2}[.)]|[a-zåäö]\))"
#: The start of an ``att`` clause: at a line start (``att``, ``samt att``, ``2. Att``) or marked by
#: emphasis anywhere (``**att**``, ``*samt att*``).
ATT_LINE = re.compile(rf"^(?:{_ENUM}\s*)?(?P<att>(?:(?:samt|och)\s+)?[Aa]tt)\b(?!\s*$)")
ATT_EMPHASIS = re.compile(r"(?P<mark>\*{1,3}|_{1,2})(?P<att>(?:(?:samt|och)\s+)?[Aa]tt)(?P=mark)")
#: An enumerated clause of a decision written without ``att`` (``1. Budgeten godkänns.``).
ENUMERATED = re.compile(rf"^{_ENUM}\s+\S")

#: A case number where a title is expected (``§ 12 Dnr KS 2023/45``): the title is on the next line.
CASE_NUMBER = re.compile(r"(?i)^(?:dnr|diarienr|diarienummer|ärendenr)\b\.?")

#: Items: ``3.``, ``3``, ``§ 3``, ``Punkt 3``, ``Ärende 3`` + title.
ITEM_NUMBERED = re.compile(
    r"^(?:§\s*|(?:punkt|ärende|p\.)\s+)?(?P<num>\d{1,3})(?:\.(?!\d)|\)|:|\s)\s*(?P<title>[\"'”“„«(]?[A-ZÅÄÖÉ].*)$"
)
#: ``§ 12`` alone on a line; the title follows on the next line.
ITEM_PARAGRAPH_ONLY = re.compile(r"^§\s*(?P<num>\d{1,3})\s*$")
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

#: Organs: a word ending in one of these is the name of a body (``Kommunstyrelsen``, ``Barn- och
#: utbildningsnämnden``, ``Kommundirektörsgruppen``).
ORGAN_WORD = re.compile(
    r"(?i)\b[\wåäö-]*(?:styrelse|nämnd|fullmäktige|utskott|grupp|beredning|råd|direktion|presidi|förbund|"
    r"kommitté|delegation|stämma|ledningsgrupp|forum)(?:n|en|et|t|e|um|a)?s?\b"
)
PROTOCOL_TITLE = re.compile(r"(?i)^(?P<organ>.{2,80}?)s?\s+(?:sammanträdes)?protokoll\b")
PROTOCOL_FROM = re.compile(
    r"(?i)^(?:sammanträdes)?protokoll\s+(?:från|för|vid)\s+(?P<organ>.{2,80}?)(?:s\s+(?:sammanträde|möte)\b.*)?"
    r"(?:\s*[,(]|\s+[–-]\s|\s+\d|\s+(?:sammanträde|möte)|$)"
)
PROTOCOL_NUMBER = re.compile(
    r"(?i)\b(?:protokoll|sammanträde|möte)\s*(?:nr\.?|nummer)?\s+(?P<num>\d{1,4}\s*/\s*\d{2,4}|\d{1,3})(?![\d-])"
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

#: Between two names of an attendance list: the first replaces the second, who is absent.
REPLACES = re.compile(r"(?i)\b(?:ersätter|ersättare\s+för|i\s*stället\s+för|tjänstgör\s+för)[\s:]*$")

#: Notes in parentheses that are party letters (``(S)``, ``(KD)``, a local party's ``(SPI)``).
PARTY = re.compile(r"^[A-ZÅÄÖ]{1,4}$")
#: Party letters recognised without parentheses (``Anna Svensson S``): the parties of the Riksdag
#: (and the Liberals' former ``FP``). Other capitals there may be a role (``VD``) or a unit (``HR``).
PARTY_LETTERS = frozenset({"S", "M", "SD", "C", "V", "KD", "L", "MP", "FP"})

#: Affiliation phrase after a name: ``från Startpoint Advisory``, ``representerar projektet X``.
AFFILIATION = re.compile(r"(?i)\b(?:från|representerar|vid|på uppdrag av)\s+(?P<aff>.+)$")

#: Electronic-signature pages and the like: from this line to the end nothing is content.
BOILERPLATE_START = re.compile(
    r"(?i)^(?:underskriftssida|signatursida|signaturer|verifikat|transaktion\s+\d+"
    r"|(?:detta\s+)?dokument(?:et)?\s+(?:har\s+)?(?:signerats|skrivits\s+under|undertecknats)\s+elektroniskt)\b"
)
#: Page numbers (``Sida 2 av 5``, ``2 (5)``, ``2/5``).
PAGE_NUMBER = re.compile(r"(?i)^(?:sida|sid\.?|s\.)?\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}|/\s*\d{1,3})?$")

#: Noise: a repeated short line (page header) is at most this long.
HEADER_MAX_CHARS = 90
#: A line this similar to the title line (difflib ratio) is a repeated page header.
HEADER_SIMILARITY = 0.9
#: An unnumbered heading is at most this long / this many words.
HEADING_MAX_CHARS = 70
HEADING_MAX_WORDS = 8
#: A paragraph this long counts as prose even without a final period.
PROSE_MIN_CHARS = 100
#: A numbered heading may skip at most this many numbers.
ITEM_NUMBER_MAX_STEP = 3
#: Longest title of a numbered heading.
ITEM_TITLE_MAX_CHARS = 160
#: A role longer than this many words is prose, not a role.
ROLE_MAX_WORDS = 6

#: Markup dropped when a line is cleaned.
MARKUP = re.compile(r"\*{1,3}|_{2,}|~~|</?(?:b|i|u|s|em|strong|del|strike|span|mark)\b[^>]*>|<br\s*/?>")
LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|(?:[-•–·▪]|\*(?=\s))\s+)*")
#: Struck-through text: markdown ``~~x~~`` or HTML ``<s>``/``<del>``/``<strike>``.
STRIKE = re.compile(r"~~(?P<a>.+?)~~|<(?P<tag>s|del|strike)\b[^>]*>(?P<b>.+?)</(?P=tag)>", re.S)
