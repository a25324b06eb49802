"""Whole documents: minutes of municipal bodies and of collaborations between municipalities.

A document is drawn in parts (letterhead and header, attendance, agenda items with decisions,
signatures, e-signature page, posting certificate); each part has several layouts seen in
Swedish minutes (plain text from PDFs, markdown, comma runs, one name a line, ``§`` sections,
time-based agendas). Offsets come from :class:`~.builder.TextBuilder` as pieces are appended.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Callable

from ... import lexicon as shared_lexicon
from ...lexicon import genitive
from .builder import Pieces, TextBuilder, capitalize, plain
from .entities import EntityWriter, Person, weighted
from .lexicon import Lexicon, MunicipalityEntry, Organisation
from .templates import (
    CLOSINGS,
    DECISION_SENTENCES,
    DECISIONS,
    ESIGN_PARAGRAPHS,
    HEADINGS,
    INFO,
    OPENINGS,
    SPOTLIGHT,
    TOPICS,
)

#: How often each Riksdag party's letters stand after a name (roughly its share of municipal seats);
#: the letters themselves come from the shared lexicon's ``parties.tsv``.
PARTY_WEIGHTS: dict[str, float] = {"S": 28, "M": 22, "SD": 18, "C": 9, "V": 7, "L": 5, "KD": 6, "MP": 5}

#: Kinds of documents and how often each is drawn.
DOCUMENT_KINDS: dict[str, float] = {
    "collab_directors": 0.30,  # kommundirektörsgrupp of a collaboration
    "collab_board": 0.14,  # styrelse / direktion of a collaboration (politicians of several municipalities)
    "municipal_board": 0.26,  # kommunstyrelse or nämnd of one municipality
    "working_committee": 0.14,  # arbetsutskott
    "council": 0.08,  # kommunfullmäktige
    "network": 0.08,  # samverkansorgan / network meeting with a region
}

#: Step through the municipality list between documents (coprime with 290: every one comes round).
SPOTLIGHT_STEP = 7

#: Meeting dates are drawn from these years.
YEARS = (2012, 2025)

_SLOT = re.compile(r"\{(\w+)\}")


def ascii_slug(text: str) -> str:
    """``Örkelljunga`` -> ``orkelljunga`` for e-mail addresses and web addresses."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9.]+", "", "".join(c for c in folded if not unicodedata.combining(c)))


class Context:
    """Everything one document shares: its randomness, date, group, places and cast."""

    def __init__(self, rng: random.Random, lexicon: Lexicon, meeting_date: dt.date, kind: str) -> None:
        self.rng = rng
        self.lex = lexicon
        self.meeting_date = meeting_date
        self.kind = kind
        self.w = EntityWriter(rng, lexicon, meeting_date)
        self.markdown = self.w.chance(0.3)
        self.collab: Organisation | None = None
        self.home: MunicipalityEntry | None = None
        self.members: list[MunicipalityEntry] = []
        self.cast: list[Person] = []
        self.staff: list[Person] = []
        self.chair: Person | None = None
        self.secretary: Person | None = None
        self.adjusters: list[Person] = []
        self.present: list[Person] = []
        #: the municipality this document must mention (documents rotate through all 290)
        self.spotlight: MunicipalityEntry | None = None
        self.group = "styrelsen"
        self.title = "Styrelsen"
        self._setup()

    @property
    def collaboration(self) -> Organisation:
        """The collaboration the document is of (collaboration and network documents have one)."""
        if self.collab is None:
            raise ValueError(f"A {self.kind} document is of no collaboration; only collab_* and network ones are.")
        return self.collab

    @property
    def home_municipality(self) -> MunicipalityEntry:
        """The municipality the document is from (every kind has one once set up)."""
        if self.home is None:
            raise ValueError(f"The {self.kind} document has no home municipality: it was not set up.")
        return self.home

    # -- set-up ---------------------------------------------------------------------------

    def _setup(self) -> None:
        w = self.w
        if self.kind.startswith("collab") or self.kind == "network":
            rows = self.lex.collaborations
            row = self.rng.choices(rows, weights=[float(r.get("weight") or 1) for r in rows])[0]
            self.collab = next(o for o in self.lex.organisations if o.name == row["name"])
            county = [m for m in self.lex.municipalities if m.county_code == row["county_code"]]
            if row.get("members") == "familjen_helsingborg":
                self.members = [m for m in self.lex.municipalities if m.familjen_helsingborg]
            else:
                k = min(len(county), self.rng.randint(4, 12))
                self.members = sorted(self.rng.sample(county, k), key=lambda m: m.name)
            if self.kind == "collab_directors":
                self.group, self.title = w.pick(
                    (
                        ("kommundirektörsgruppen", "Kommundirektörsgruppen"),
                        ("kommunchefsgruppen", "Kommunchefsgruppen"),
                        ("kommundirektörsmötet", "Kommundirektörsmöte"),
                        ("ledningsgruppen", "Ledningsgruppen"),
                    )
                )
                roles = ("kommundirektör", "kommunchef", "stadsdirektör")
                self.cast = [w.person(municipality=m, role=w.pick(roles)) for m in self.members]
            elif self.kind == "collab_board":
                self.group, self.title = w.pick(
                    (
                        ("styrelsen", "Styrelsen"),
                        ("förbundsstyrelsen", "Förbundsstyrelsen"),
                        ("direktionen", "Direktionen"),
                        ("ägarrådet", "Ägarrådet"),
                    )
                )
                self.cast = [w.person(municipality=m, role="ledamot", party=self.party()) for m in self.members]
            else:
                self.group, self.title = w.pick(
                    (
                        ("samverkansorganet", "Samverkansorganet"),
                        ("beredningsgruppen", "Beredningsgruppen"),
                        ("styrgruppen", "Styrgruppen"),
                        ("nätverket", "Nätverksträff"),
                    )
                )
                self.cast = [w.person(municipality=m, role=w.pick(self.lex.words("staff_role"))) for m in self.members]
            self.home = w.pick(self.members)
            self.staff = [
                w.person(
                    role=w.pick(
                        ("sekretariatschef", "sekretariatet", "samordnare", "processledare", "utvecklingsledare")
                    )
                )
            ]
            self.chair = self.cast[0] if self.cast else None
            self.secretary = self.staff[0]
        else:
            self.home = w.pick(self.lex.municipalities)
            county = [
                m for m in self.lex.municipalities if m.county_code == self.home.county_code and m is not self.home
            ]
            self.members = [self.home, *self.rng.sample(county, min(len(county), 3))]
            if self.kind == "council":
                self.group, self.title = "kommunfullmäktige", "Kommunfullmäktige"
                size = self.rng.randint(14, 30)
            elif self.kind == "working_committee":
                self.group, self.title = w.pick(
                    (
                        ("arbetsutskottet", "Kommunstyrelsens arbetsutskott"),
                        ("arbetsutskottet", "Arbetsutskottet"),
                        ("utskottet", "Ekonomiutskottet"),
                        ("utskottet", "Planutskottet"),
                    )
                )
                size = self.rng.randint(3, 6)
            else:
                body = w.pick(("Kommunstyrelsen",) * 3 + self.lex.words("municipal_body"))
                self.group, self.title = ("kommunstyrelsen" if body == "Kommunstyrelsen" else "nämnden"), body
                size = self.rng.randint(7, 13)
            self.cast = [w.person(party=self.party()) for _ in range(size)]
            self.cast[0].role = "ordförande"
            if size > 2:
                self.cast[1].role = w.pick(("vice ordförande", "1:e vice ordförande"))
            if size > 6:
                self.cast[2].role = "2:e vice ordförande"
            self.staff = [
                w.person(role=role) for role in self.rng.sample(self.lex.words("staff_role"), self.rng.randint(1, 4))
            ]
            self.chair = self.cast[0]
            self.secretary = w.person(role=w.pick(("sekreterare", "nämndsekreterare", "kommunsekreterare")))
            self.staff.append(self.secretary)
        others = [p for p in self.cast if p is not self.chair]
        self.adjusters = self.rng.sample(others, min(len(others), self.rng.choice((1, 1, 2))))

    def party(self) -> str:
        if self.w.chance(0.04):
            return self.w.pick(self.lex.words("local_party"))
        letters = [party.short for party in shared_lexicon.parties() if party.kind == "riksdag"]
        return self.rng.choices(letters, weights=[PARTY_WEIGHTS.get(letter, 5) for letter in letters])[0]

    # -- slots ------------------------------------------------------------------------------

    def any_person(self, *, cast: float = 0.8) -> Person:
        pool = self.present or self.cast + self.staff
        return (
            self.w.pick(pool)
            if pool and self.w.chance(cast)
            else self.w.person(role=self.w.pick(self.lex.words("staff_role")))
        )

    def org_of(self, *kinds: str) -> Organisation:
        return self.w.pick(self.lex.organisations_of(*kinds))

    def any_org(self) -> Organisation:
        kind = weighted(
            self.rng,
            {
                "region": 0.12,
                "association": 0.12,
                "agency": 0.2,
                "county_board": 0.06,
                "court": 0.04,
                "university": 0.08,
                "company": 0.14,
                "collaboration": 0.05,
                "union": 0.03,
                "ngo": 0.03,
                "inquiry": 0.01,
                "party": 0.04,
                "shaped": 0.18,
            },
        )
        if kind == "shaped":
            return self.w.shaped_organisation()
        return self.org_of(kind)

    def member(self) -> MunicipalityEntry:
        if (
            self.home is not None
            and self.kind in ("municipal_board", "working_committee", "council")
            and self.w.chance(0.6)
        ):
            return self.home
        return self.w.pick(self.members)

    def other_municipality(self) -> MunicipalityEntry:
        """Any municipality; the document's ``spotlight`` first, so that every one gets written."""
        if self.spotlight is not None:
            chosen, self.spotlight = self.spotlight, None
            return chosen
        return self.w.pick(self.lex.municipalities)

    def body(self) -> str:
        w = self.w
        if self.kind in ("municipal_board", "working_committee", "council") or w.chance(0.3):
            text = w.pick(("kommunstyrelsen", "kommunfullmäktige", "nämnden", *self.lex.words("municipal_body")))
            return text if w.chance(0.6) else text[0].lower() + text[1:]
        return w.pick(self.lex.words("group_body"))

    def network(self) -> str:
        w = self.w
        if w.chance(0.4):
            return w.pick(self.lex.words("network_compound"))
        topic = w.pick(self.lex.words("network_topic"))
        return w.pick((f"nätverket {topic}", f"nätverket för {topic.lower()}", f"nätverket för {topic}"))

    def email(self, person: Person | None = None) -> str:
        person = person or self.any_person()
        if person.municipality is not None:
            place = person.municipality.name
        elif self.collab is not None and (person in self.staff or self.w.chance(0.3)):
            place = self.collab.name
        else:
            place = (self.home or self.member()).name
        domain = ascii_slug(place)
        local = ascii_slug(f"{person.first.split()[0]}.{person.last.split()[-1]}")
        return (
            f"{local}@{domain}.se"
            if self.w.chance(0.8)
            else f"{self.w.pick(('registrator', 'kansli', 'info', 'kommun'))}@{domain}.se"
        )

    def url(self) -> str:
        domain = ascii_slug(self.collab.name if self.collab and self.w.chance(0.3) else self.member().name)
        return self.w.pick((f"www.{domain}.se", f"https://www.{domain}.se", f"{domain}.se/politik"))

    def slot(self, name: str) -> Pieces:
        """Pieces for ``{name}``; a capitalised slot name starts a sentence."""
        func = SLOTS.get(name) or SLOTS.get(name[0].lower() + name[1:])
        if func is None:
            raise KeyError(f"unknown template slot {{{name}}}")
        pieces = func(self)
        return capitalize(pieces) if name[0].isupper() else pieces

    def render(self, template: str) -> Pieces:
        pieces: Pieces = []
        for i, part in enumerate(_SLOT.split(template)):
            if i % 2:
                pieces.extend(self.slot(part))
            elif part:
                pieces.append(plain(part))
        return pieces


def _person_slot(ctx: Context) -> Pieces:
    form = weighted(
        ctx.rng, {"full": 0.88, "typo": 0.02, "initial": 0.03, "last": 0.05, "upper": 0.005, "first": 0.015}
    )
    return ctx.w.person_name(ctx.any_person(), form)


def _person_role(ctx: Context) -> Pieces:
    person = ctx.any_person()
    role = person.role or ctx.w.pick(ctx.lex.words("staff_role"))
    if ctx.w.chance(0.2):
        return [*ctx.w.person_name(person, "full"), plain(f" ({role})")]
    return [*ctx.w.person_name(person, "full"), plain(f", {role},")]


def _role_person(ctx: Context) -> Pieces:
    person = ctx.any_person()
    role = (
        person.role
        if person.role and person.role not in ("sekretariatet", "ledamot")
        else ctx.w.pick(ctx.lex.words("staff_role"))
    )
    return [plain(f"{role} "), *ctx.w.person_name(person, "full")]


def _guest(ctx: Context) -> Pieces:
    return ctx.w.person_name(ctx.w.person(), "full")


def _wdate(ctx: Context) -> Pieces:
    return ctx.w.weekday_date()


def _date_long(ctx: Context) -> Pieces:
    day = ctx.w.day_near()
    return ctx.w.date(day, form=ctx.w.pick(("long", "iso", "long")))


def _collab(ctx: Context) -> Pieces:
    org = ctx.collab or ctx.org_of("collaboration")
    return ctx.w.organisation(org, "name")


def _collab_gen(ctx: Context) -> Pieces:
    org = ctx.collab or ctx.org_of("collaboration")
    return ctx.w.organisation(org, "gen")


def _munis(ctx: Context) -> Pieces:
    chosen = ctx.rng.sample(ctx.members, min(len(ctx.members), ctx.rng.randint(2, 4)))
    pieces: Pieces = []
    for i, m in enumerate(chosen):
        if i:
            pieces.append(plain(" och " if i == len(chosen) - 1 else ", "))
        pieces.extend(ctx.w.municipality(m, "name"))
    return pieces


SLOTS: dict[str, Callable[[Context], Pieces]] = {
    "person": _person_slot,
    "guest": _guest,
    "first": lambda c: c.w.person_name(c.any_person(cast=1.0), "first"),
    "chair": lambda c: c.w.person_name(c.chair, "full") if c.chair else _person_slot(c),
    "chair_first": lambda c: c.w.person_name(c.chair, "first") if c.chair else _person_slot(c),
    "last": lambda c: c.w.person_name(c.any_person(cast=1.0), "last"),
    "person_gen": lambda c: c.w.person_name(c.any_person(), "gen"),
    "person_role": _person_role,
    "role_person": _role_person,
    "muni": lambda c: c.w.municipality(c.member(), "name"),
    "muni_org": lambda c: c.w.municipality(c.member(), "org"),
    "muni_gen": lambda c: c.w.municipality(c.member(), "gen"),
    "muni_other": lambda c: c.w.municipality(c.other_municipality()),
    "munis": _munis,
    "org": lambda c: c.w.organisation(c.any_org()),
    "org_gen": lambda c: c.w.organisation(c.any_org(), "gen"),
    "agency": lambda c: c.w.organisation(c.org_of("agency", "county_board")),
    "agency_gen": lambda c: c.w.organisation(c.org_of("agency"), "gen"),
    "region_org": lambda c: c.w.organisation(c.org_of("region")),
    "company": lambda c: c.w.organisation(c.org_of("company") if c.w.chance(0.6) else c.w.shaped_organisation()),
    "university": lambda c: c.w.organisation(c.org_of("university")),
    "court": lambda c: c.w.organisation(c.org_of("court"), "name"),
    "association": lambda c: c.w.organisation(c.org_of("association")),
    "association_gen": lambda c: c.w.organisation(c.org_of("association"), "gen"),
    "county_board": lambda c: c.w.organisation(c.org_of("county_board"), "name"),
    "inquiry": lambda c: c.w.organisation(c.org_of("inquiry"), "name"),
    "collab": _collab,
    "collab_gen": _collab_gen,
    "group": lambda c: [plain(c.group)],
    "group_gen": lambda c: [plain(genitive(c.group))],
    "body": lambda c: [plain(c.body())],
    "office": lambda c: [plain(c.w.pick(c.lex.words("office")))],
    "network": lambda c: [plain(c.network())],
    "project": lambda c: [plain(c.w.pick(c.lex.words("project")))],
    "venue": lambda c: [plain(c.w.pick(c.lex.words("venue")))],
    "region": lambda c: [plain(c.w.pick(c.lex.words("region_place")))],
    "role": lambda c: [plain(c.w.pick(c.lex.words("staff_role")))],
    "topic": lambda c: [plain(c.w.pick(TOPICS))],
    "date": lambda c: c.w.date(),
    "wdate": _wdate,
    "date_long": _date_long,
    "amount": lambda c: c.w.amount(),
    "rate_amount": lambda c: c.w.rate_amount(),
    "year": lambda c: [plain(c.w.year())],
    "years": lambda c: [plain(c.w.year_range())],
    "month": lambda c: [plain(c.w.month())],
    "season": lambda c: [plain(c.w.season())],
    "kl": lambda c: [plain(c.w.kl())],
    "clock": lambda c: [plain(c.w.clock())],
    "time": lambda c: [plain(c.w.time_range())],
    "protno": lambda c: [plain(c.w.protocol_number())],
    "dnr": lambda c: [plain(c.w.case_number())],
    "para": lambda c: [plain(c.w.paragraph_ref())],
    "pct": lambda c: [plain(c.w.percent())],
    "staff": lambda c: [plain(c.w.staffing())],
    "count": lambda c: [plain(c.w.count())],
    "people": lambda c: [plain(c.w.count(people=True))],
    "n": lambda c: [plain(str(c.rng.randint(1, 9)))],
    "email": lambda c: [plain(c.email())],
    "url": lambda c: [plain(c.url())],
}


# -- parts ---------------------------------------------------------------------------------


def _label(ctx: Context, text: str, *, colon: bool = True) -> str:
    """A field label (``Närvarande:``) in the document's markup."""
    body = f"{text}:" if colon else text
    if ctx.markdown and ctx.w.chance(0.7):
        return f"**{body}**"
    return body


def _meeting_date_pieces(ctx: Context, *, forms: tuple[str, ...] = ("iso", "compact", "long")) -> Pieces:
    return ctx.w.date(ctx.meeting_date, form=ctx.w.pick(forms))


def _letterhead(ctx: Context, b: TextBuilder) -> None:
    """``Helsingborg 210618``, ``Lund 2024-04-19`` (+ an e-mail address line)."""
    w = ctx.w
    place = ctx.home or w.pick(ctx.members)
    b.line(
        [
            *w.municipality(place, "name"),
            plain(w.pick((" ", " ", "  ", ", ", " den "))),
            *_meeting_date_pieces(ctx, forms=("compact", "iso", "long")),
        ]
    )
    if w.chance(0.5):
        b.blank_lines(1)
        b.line([plain(ctx.email())])
    b.blank_lines(1)


def _time_place(ctx: Context) -> Pieces:
    """One ``Tid/Plats``-style line for the meeting itself (its date is the meeting date)."""
    w = ctx.w
    md = ctx.meeting_date
    venue = w.pick(ctx.lex.words("venue"))
    remote = w.pick(ctx.lex.words("remote"))
    place = ctx.home or w.pick(ctx.members)
    style = w.rng.randrange(7)
    if style == 0:
        return [
            plain(_label(ctx, "Tid/Plats") + " "),
            *w.date(md, form="compact"),
            plain(f" {w.kl()}{w.time_range()}, "),
            *((plain(remote),) if w.chance(0.3) else (plain(f"{venue}, "), *w.municipality(place, "name"))),
            plain("."),
        ]
    if style == 1:
        return [
            plain(_label(ctx, "Plats och tid") + " Den "),
            *w.date(md, form="long"),
            plain(f" {w.time_range()} på {venue}, "),
            *w.municipality(place, "name"),
            plain("."),
        ]
    if style == 2:
        return [
            plain(_label(ctx, "Tid och plats") + " "),
            *w.weekday_date(md),
            plain(f" {w.kl()}{w.time_range()}, {venue}"),
        ]
    if style == 3:
        return [
            plain(_label(ctx, "Datum") + " "),
            *w.date(md, form=w.pick(("iso", "long"))),
            plain("\n"),
            plain(_label(ctx, "Tid") + f" {w.kl()}{w.time_range()}\n"),
            plain(_label(ctx, "Plats") + f" {venue}, "),
            *w.municipality(place, w.pick(("name", "org"))),
        ]
    if style == 4:
        return [
            plain("Mötet genomfördes den "),
            *w.date(md, form=w.pick(("long_noyear", "long"))),
            plain(f" {w.kl()}{w.time_range()} {remote}."),
        ]
    if style == 5:
        return [plain(_label(ctx, "Sammanträdesdatum") + " "), *w.date(md, form=w.pick(("iso", "long")))]
    return [
        plain(_label(ctx, "Tid") + " "),
        *w.date(md, form=w.pick(("iso", "long", "compact"))),
        plain(f", {w.kl()}{w.time_range()}\n"),
        plain(_label(ctx, "Plats") + f" {venue}"),
    ]


def _header_collab(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    b.add("\n" * w.pick((0, 1, 2)))
    if w.chance(0.35):
        _letterhead(ctx, b)
    h = "## " if ctx.markdown and w.chance(0.6) else ""
    style = w.rng.randrange(5)
    if style == 0:
        b.line([plain(f"{h}{genitive(ctx.title)} protokoll {w.protocol_number()}")])
    elif style == 1:
        b.line([plain(f"{h}{ctx.title}{w.pick((' – ', ', ', ' inom '))}"), *w.organisation(ctx.collaboration, "name")])
    elif style == 2:
        b.line([plain(f"{h}Minnesanteckningar från {ctx.group} "), *_meeting_date_pieces(ctx)])
    elif style == 3:
        b.line(
            [
                plain(f"{h}Protokoll – {ctx.title.lower() if ctx.title[0].isupper() else ctx.title}, "),
                *w.organisation(ctx.collaboration, "name"),
            ]
        )
    else:
        b.line([plain(f"{h}Protokoll från möte med {ctx.group} i "), *w.organisation(ctx.collaboration, "name")])
    b.blank_lines(1)
    b.line(_time_place(ctx))
    b.blank_lines(1)


def _header_municipal(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    b.add("\n" * w.pick((0, 1, 2)))
    if w.chance(0.2):
        _letterhead(ctx, b)
    elif w.chance(0.75):
        b.line(w.municipality(ctx.home_municipality, w.pick(("org", "org", "name"))))
    head = w.pick(("Protokoll", "SAMMANTRÄDESPROTOKOLL", "Sammanträdesprotokoll", "PROTOKOLL", "Protokoll"))
    if w.chance(0.5):
        b.line([plain(head)])
        b.line([plain(ctx.title)])
    else:
        b.line([plain(f"{head} {ctx.title.lower() if ctx.kind == 'council' else ctx.title}")])
    if w.chance(0.6):
        b.line(
            [
                plain(w.pick(("Sammanträdesdatum ", "Sammanträdesdatum: ", "Datum "))),
                *_meeting_date_pieces(ctx, forms=("iso", "iso", "long")),
            ]
        )
    b.blank_lines(1)
    venue = w.pick(ctx.lex.words("venue"))
    if w.chance(0.5):
        b.line(
            [
                plain(_label(ctx, "Plats och tid") + f" {venue}, "),
                *(w.weekday_date(ctx.meeting_date) if w.chance(0.4) else _meeting_date_pieces(ctx)),
                plain(f" {w.kl()}{w.time_range()}"),
            ]
        )
    else:
        b.line(_time_place(ctx))
    b.blank_lines(1)


def _name_with(ctx: Context, person: Person, *, muni: bool, party: bool, role: bool, note: float = 0.06) -> Pieces:
    """``Anna Svensson (S), Bjuv, ordförande (från 0840)`` in one of several orders."""
    w = ctx.w
    pieces: Pieces = list(w.person_name(person, "upper" if w.chance(0.01) else "typo" if w.chance(0.01) else "full"))
    if party and person.party:
        pieces.append(plain(f" ({person.party})"))
    if w.chance(note):
        pieces.append(
            plain(
                " "
                + w.pick(
                    (
                        f"(från {w.clock().replace('.', '').replace(':', '')})",
                        f"(till kl {w.clock().replace('.', '').replace(':', '')})",
                        f"(§§ 1-{w.rng.randint(2, 9)})",
                        f"(från § {w.rng.randint(2, 9)})",
                        f"(ej § {w.rng.randint(2, 9)})",
                        f"(borta ca {w.time_range()})",
                        "(via Teams)",
                        "(deltog på distans)",
                    )
                )
            )
        )
    if muni and person.municipality is not None:
        sep = w.pick((", ", ", ", ", ", ", ", " ", "\n", " - ", " – "))
        pieces.append(plain(sep))
        pieces.extend(w.municipality(person.municipality, w.pick(("name",) * 8 + ("org",))))
    if role and person.role and person.role not in ("ledamot",):
        pieces.append(plain(f", {person.role}"))
    return pieces


def _run(ctx: Context, items: list[Pieces], *, width: int | None = None, last_and: float = 0.4) -> Pieces:
    """Items joined by commas (maybe ``och`` before the last), wrapped at ``width`` like PDF text."""
    w = ctx.w
    width = width if width is not None else w.pick((0, 0, 80, 90, 100))
    out: Pieces = []
    column = 0
    use_and = w.chance(last_and)
    for i, item in enumerate(items):
        if i:
            sep = " och " if use_and and i == len(items) - 1 else w.pick((", ", ", ", ", ", ", ", ", ", " , "))
            length = sum(len(p.text) for p in item)
            if width and column + length > width:
                sep = sep.rstrip() + "\n" if sep.strip() else "\n"
                column = 0
            out.append(plain(sep))
            column += len(sep)
        out.extend(item)
        column += sum(len(p.text) for p in item)
    return out


def _attendance_collab(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    party = ctx.kind == "collab_board"
    needed = [ctx.chair, *ctx.adjusters]
    present = [p for p in ctx.cast if any(p is q for q in needed) or w.chance(0.85)]
    absent = [p for p in ctx.cast if p not in present]
    ctx.present = present + ctx.staff
    layout = weighted(ctx.rng, {"run": 0.45, "lines": 0.4, "table": 0.15})
    label = _label(ctx, w.pick(("Närvarande", "Närvarande", "Deltagare", "Närvarande ledamöter")))
    strike = ctx.markdown and w.chance(0.3)
    items = [_name_with(ctx, p, muni=True, party=party, role=w.chance(0.1)) for p in present]
    if strike and absent:
        items.append(
            [plain("~~"), *_name_with(ctx, absent[0], muni=True, party=party, role=False, note=0), plain("~~")]
        )
    staff_items = []
    for s in ctx.staff:
        tail: Pieces = [plain(f", {s.role}")]
        if ctx.collab and w.chance(0.5):
            tail = [plain(f", {s.role} "), *w.organisation(ctx.collaboration, "name")]
        staff_items.append([*w.person_name(s, "full"), *tail])
    if layout == "run":
        b.line([plain(label + " "), *_run(ctx, items + staff_items), plain(".")])
    elif layout == "lines":
        b.line([plain(label)])
        b.blank_lines(1)
        for i, item in enumerate(items + staff_items):
            if i and w.chance(0.05):
                b.add("\n")
            b.line(item)
    else:
        b.line([plain(label)])
        for p in present:
            pad = " " * w.rng.randint(2, 12) if w.chance(0.7) else "\t"
            row: Pieces = [*w.person_name(p, "full")]
            if party and p.party:
                row.append(plain(f" ({p.party})"))
            if p.municipality is not None:
                row += [plain(pad), *w.municipality(p.municipality, "name")]
            b.line(row)
        for item in staff_items:
            b.line(item)
    b.blank_lines(1)
    if absent or w.chance(0.5):
        absent_items = [_name_with(ctx, p, muni=True, party=party, role=False, note=0) for p in absent]
        b.line(
            [
                plain(
                    _label(ctx, w.pick(("Anmält förhinder", "Frånvarande", "Förhinder")))
                    + (" " if absent_items else "")
                ),
                *_run(ctx, absent_items, width=0),
            ]
        )
        b.blank_lines(1)
    if w.chance(0.45):
        guests = []
        for _ in range(w.rng.randint(1, 3)):
            g = w.person()
            role = w.pick(ctx.lex.words("staff_role"))
            org_pieces = w.organisation(ctx.any_org(), "name")
            style = w.rng.randrange(4)
            if style == 0:
                guests.append([*w.person_name(g, "full"), plain(f", {role} "), *org_pieces])
            elif style == 1:
                guests.append([*w.person_name(g, "full"), plain(" från "), *org_pieces])
            elif style == 2:
                guests.append(
                    [*w.person_name(g, "full"), plain(", "), *w.municipality(ctx.other_municipality(), "org")]
                )
            else:
                guests.append([*w.person_name(g, "full"), plain(f", {role}, "), *org_pieces])
        b.line(
            [
                plain(_label(ctx, w.pick(("Inbjudna gäster", "Övriga deltagande", "Inbjudna", "Gäster"))) + " "),
                *_run(ctx, guests, width=0),
            ]
        )
        b.blank_lines(1)


def _attendance_municipal(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    present = [p for p in ctx.cast if p.role or any(p is q for q in ctx.adjusters) or w.chance(0.88)]
    absent = [p for p in ctx.cast if p not in present]
    substitutes = [w.person(party=a.party) for a in absent]
    ctx.present = present + substitutes + ctx.staff
    layout = weighted(ctx.rng, {"lines": 0.55, "run": 0.3, "table": 0.15})
    label = w.pick(("Beslutande", "Beslutande ledamöter", "Närvarande ledamöter", "Ledamöter"))

    def member(p: Person) -> Pieces:
        return _name_with(ctx, p, muni=False, party=True, role=True)

    rows = [member(p) for p in present]
    separate = w.chance(0.4)  # substitutes under their own label, or among the members
    substitute_rows = [
        [
            *w.person_name(sub, "full"),
            plain(f" ({sub.party}){w.pick((', tjänstgörande ersättare för ', ' ersätter ', ' för '))}"),
            *w.person_name(a, "full"),
            plain(f" ({a.party})"),
        ]
        for sub, a in zip(substitutes, absent)
    ]
    if not separate:
        rows += substitute_rows
    if layout == "lines":
        b.line([plain(_label(ctx, label, colon=w.chance(0.5)))])
        for row in rows:
            b.line(row)
    elif layout == "run":
        b.line([plain(_label(ctx, label) + " "), *_run(ctx, rows)])
    else:
        b.line([plain(_label(ctx, label, colon=False))])
        for p in present:
            pad = " " * w.rng.randint(2, 10)
            b.line([*w.person_name(p, "full"), plain(f"{pad}{p.party}{pad}{p.role or 'ledamot'}")])
    b.blank_lines(1)
    if separate and substitute_rows:
        b.line(
            [
                plain(
                    _label(
                        ctx,
                        w.pick(("Tjänstgörande ersättare", "Tjänstgörande ersättare", "Ersättare")),
                        colon=w.chance(0.6),
                    )
                )
            ]
        )
        for row in substitute_rows:
            b.line(row)
        b.blank_lines(1)
    if w.chance(0.6):
        reserves = [w.person(party=ctx.party()) for _ in range(w.rng.randint(1, 5))]
        b.line(
            [
                plain(_label(ctx, w.pick(("Ersättare", "Icke tjänstgörande ersättare", "Närvarande ersättare"))) + " "),
                *_run(ctx, [[*w.person_name(r, "full"), plain(f" ({r.party})")] for r in reserves], width=0),
            ]
        )
        b.blank_lines(1)
    staff = [[*w.person_name(s, "full"), plain(f", {s.role}")] for s in ctx.staff]
    if w.chance(0.5):
        b.line([plain(_label(ctx, w.pick(("Övriga deltagande", "Övriga närvarande", "Tjänstepersoner"))))])
        for row in staff:
            b.line(row)
    else:
        b.line([plain(_label(ctx, "Övriga deltagande") + " "), *_run(ctx, staff, width=0)])
    b.blank_lines(1)
    if w.chance(0.7):
        adj = _run(ctx, [w.person_name(p, "full") for p in ctx.adjusters], width=0, last_and=1.0)
        b.line([plain(_label(ctx, w.pick(("Utses att justera", "Justerare", "Justerande"))) + " "), *adj])
        if w.chance(0.6):
            day = ctx.meeting_date + dt.timedelta(days=w.rng.randint(1, 10))
            b.line(
                [
                    plain(_label(ctx, "Justeringens plats och tid") + f" {w.pick(ctx.lex.words('venue'))}, "),
                    *w.date(day, form=w.pick(("iso", "long", "compact"))),
                ]
            )
        b.blank_lines(1)


def _heading(ctx: Context, b: TextBuilder, number: int, pieces: Pieces, style: str, clock: list[int]) -> None:
    w = ctx.w
    if style == "dot":
        prefix = f"{number}. "
    elif style == "plain":
        prefix = f"{number} "
    elif style == "md":
        prefix = f"{w.pick(('### ', '#### '))}{number}. "
    elif style == "bold":
        b.line([plain(f"**{number}. "), *pieces, plain("**")])
        return
    elif style == "para":
        b.line([plain(f"§ {number}" + (f" {w.case_number()}" if w.chance(0.5) else ""))])
        b.blank_lines(0)
        b.line(pieces)
        return
    else:  # time-based agenda
        clock[0] += w.pick((10, 15, 20, 25, 30, 45))
        h, m = divmod(clock[0], 60)
        text = f"{h:02d}.{m:02d} "
        if ctx.markdown:
            b.line([plain(text + "**"), *pieces, plain("**")])
        else:
            b.line([plain(text), *pieces])
        return
    b.line([plain(prefix), *pieces])


def _decision_block(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    if w.chance(0.12):
        b.line(ctx.render(w.pick(DECISION_SENTENCES)))
        return
    who = {
        "collab_directors": ("Mötet beslutar", "Gruppen beslutar", "Kommundirektörerna beslutar"),
        "collab_board": ("Styrelsen beslutar", "Mötet beslutar", "Beslut"),
        "network": ("Mötet beslutar", "Gruppen beslutar"),
        "municipal_board": (f"{ctx.title} beslutar", f"{genitive(ctx.title)} beslut", "Förslag till beslut"),
        "working_committee": (
            "Arbetsutskottet föreslår kommunstyrelsen besluta",
            "Arbetsutskottets förslag",
            "Förslag till beslut",
        ),
        "council": ("Kommunfullmäktige beslutar", "Kommunfullmäktiges beslut", "Förslag till beslut"),
    }[ctx.kind]
    header = w.pick(("Beslut", "Beslut", "Beslut:", *who))
    if ctx.markdown:
        header = w.pick((f"**{header}**", f"## {header}", f"**{header.rstrip(':')}:**", header))
    b.line([plain(header)])
    b.blank_lines(w.pick((0, 1)))
    att = w.pick(
        ("att", "att", "att", "Att", "- att", "**att**", "*att*")
        if ctx.markdown
        else ("att", "att", "Att", "- att", "– att")
    )
    n = w.rng.randint(1, 3)
    for i in range(n):
        clause = ctx.render(w.pick(DECISIONS))
        word = att
        if i == n - 1 and n > 1 and w.chance(0.35):
            word = att.replace("att", "samt att", 1)
        end = w.pick((".", "", ",")) if i < n - 1 else w.pick((".", ""))
        b.line([plain(f"{word} "), *clause, plain(end)])
        if w.chance(0.5):
            b.add("\n")


def _item(ctx: Context, b: TextBuilder, number: int, style: str, clock: list[int]) -> None:
    w = ctx.w
    heading = ctx.render(w.pick(HEADINGS))
    _heading(ctx, b, number, heading, style, clock)
    b.blank_lines(1)
    if style == "para" and w.chance(0.5):
        b.line([plain(w.pick(("Sammanfattning", "Ärendebeskrivning", "Bakgrund")))])
    for _ in range(w.rng.randint(0 if w.chance(0.15) else 1, 3)):
        sentences: Pieces = []
        for j in range(w.rng.randint(1, 3)):
            if j:
                sentences.append(plain(" "))
            sentences.extend(ctx.render(w.pick(INFO)))
        b.line(sentences)
        b.blank_lines(1)
    if w.chance(0.2):
        lettered = w.chance(0.5)
        for letter in "abcd"[: w.rng.randint(2, 4)]:
            b.line([plain(f"- {letter}) " if lettered else "- "), *ctx.render(w.pick(INFO))])
        b.blank_lines(1)
    if w.chance(0.3):
        b.line(
            [
                plain(_label(ctx, w.pick(("Föredragande", "Föredragande", "Ansvarig", "Dragande"))) + " "),
                *_presenters(ctx),
            ]
        )
        b.blank_lines(1)
    if style == "para" and w.chance(0.5):
        b.line([plain("Beslutsunderlag")])
        for _ in range(w.rng.randint(1, 3)):
            doc = w.pick(
                ("Tjänsteskrivelse", "Tjänsteskrivelse daterad", "Protokoll från arbetsutskottet", "Missiv", "Remiss")
            )
            b.line([plain(f"{doc} "), *w.date(w.day_near(before=60, after=0), form=w.pick(("iso", "iso", "long")))])
        b.blank_lines(1)
    if style == "para" and ctx.kind in ("council", "municipal_board") and w.chance(0.35):
        p = w.pick([p for p in ctx.present if p.party] or ctx.cast)
        b.line(
            [
                plain("Yrkanden\n"),
                *w.person_name(p, "full"),
                plain(
                    f" ({p.party}) yrkar bifall till {w.pick(('förslaget', 'arbetsutskottets förslag', 'liggande förslag'))}."
                ),
            ]
        )
        b.blank_lines(1)
    if w.chance(0.8):
        _decision_block(ctx, b)
        b.blank_lines(1)
    if style == "para" and w.chance(0.4):
        b.line([plain("Beslutet skickas till")])
        for _ in range(w.rng.randint(1, 3)):
            kind = w.rng.randrange(3)
            if kind == 0:
                b.line([plain(ctx.body())])
            elif kind == 1:
                b.line(w.organisation(ctx.any_org(), "name"))
            else:
                b.line(w.person_name(w.pick(ctx.staff), "full"))
        b.blank_lines(1)


def _presenters(ctx: Context) -> Pieces:
    """``Anna Svensson, ekonomichef.`` or ``Anna Svensson och Per Ek, HR-nätverket``."""
    w = ctx.w
    first = ctx.any_person()
    if w.chance(0.25):
        second = ctx.any_person()
        return [
            *w.person_name(first, "full"),
            plain(" och "),
            *w.person_name(second, "full"),
            plain(f", {ctx.network()}"),
        ]
    role = first.role if first.role not in (None, "ledamot") else w.pick(ctx.lex.words("staff_role"))
    return [*w.person_name(first, "full"), plain(f", {role}{w.pick(('.', '', ''))}")]


def _agenda(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    if ctx.kind in ("municipal_board", "working_committee", "council"):
        style = weighted(ctx.rng, {"para": 0.6, "dot": 0.2, "plain": 0.1, "md": 0.1 if ctx.markdown else 0})
    else:
        style = weighted(
            ctx.rng,
            {
                "dot": 0.35,
                "plain": 0.2,
                "md": 0.15 if ctx.markdown else 0,
                "bold": 0.1 if ctx.markdown else 0,
                "time": 0.2,
            },
        )
    if w.chance(0.5):
        b.line(ctx.render(w.pick(OPENINGS)))
        b.blank_lines(1)
    if ctx.markdown and w.chance(0.3):
        b.line([plain(w.pick(("### *Ärenden och beredning*", "## Dagordning", "### Ärenden")))])
        b.blank_lines(1)
    start = w.rng.randint(1, 140) if style == "para" else 1
    clock = [w.rng.randint(8, 9) * 60 + w.pick((0, 30))]
    for i in range(w.rng.randint(3, 8)):
        _item(ctx, b, start + i, style, clock)
    if w.chance(0.5):
        b.line(ctx.render(w.pick(CLOSINGS)))
        b.blank_lines(1)
    if ctx.spotlight is not None:
        b.line(ctx.render(w.pick(SPOTLIGHT)))
        b.blank_lines(1)


def _signature_name(ctx: Context, person: Person, role: str | None) -> Pieces:
    w = ctx.w
    pieces = list(w.person_name(person, "upper" if w.chance(0.03) else "full"))
    if role:
        pieces.append(plain(w.pick((f"  \n{role}", f"\n{role}", f", {role}", f"\n{role.capitalize()}"))))
    return pieces


def _signatures(ctx: Context, b: TextBuilder) -> None:
    w = ctx.w
    b.add("\n" * w.pick((1, 2, 3)))
    style = w.rng.randrange(4)
    chair, secretary = ctx.chair, ctx.secretary
    if style == 0 and chair and secretary:
        b.line(_signature_name(ctx, chair, "ordförande"))
        b.add("\n" * w.pick((1, 2, 3)))
        b.line(_signature_name(ctx, secretary, secretary.role))
    elif style == 1 and secretary:
        b.line([plain(w.pick(("Vid protokollet", "Vid protokollet:", "Protokollförare")))])
        b.line(_signature_name(ctx, secretary, None))
        b.blank_lines(1)
        b.line([plain(w.pick(("Justeras", "Justeras:", "Justerat")))])
        signers = [p for p in (chair, *ctx.adjusters) if p is not None]
        b.line(_run(ctx, [w.person_name(p, "full") for p in signers], width=0, last_and=0.0))
    elif style == 2:
        b.line([plain(w.pick(("Underskrifter", "Signaturer", "UNDERSKRIFTER")))])
        b.blank_lines(1)
        for role, person in (
            ("Sekreterare", secretary),
            ("Ordförande", chair),
            *(("Justerare", a) for a in ctx.adjusters),
        ):
            if person is None:
                continue
            dots = "." * w.rng.randint(0, 30)
            b.line([plain(f"{role}{' ' + dots if dots else ''}")])
            b.line(w.person_name(person, "full"))
            b.blank_lines(1)
    else:
        for person, role in ((chair, "Ordförande"), *((a, "Justerare") for a in ctx.adjusters)):
            if person is not None:
                b.line([plain(f"{_label(ctx, role)} "), *w.person_name(person, "full")])
        if secretary:
            b.line([plain(f"{_label(ctx, 'Sekreterare')} "), *w.person_name(secretary, "full")])
    b.blank_lines(1)


def _posting_certificate(ctx: Context, b: TextBuilder) -> None:
    """The ``ANSLAG/BEVIS`` box of municipal minutes: dates of posting, body, place of keeping."""
    w = ctx.w
    md = ctx.meeting_date
    up = md + dt.timedelta(days=w.rng.randint(2, 9))
    down = up + dt.timedelta(days=21 + w.rng.randint(0, 2))
    b.line([plain(w.pick(("ANSLAG/BEVIS", "Anslag/bevis", "BEVIS OM ANSLAG")))])
    b.line(
        [
            plain(
                w.pick(
                    (
                        "Protokollet är justerat. Justeringen har tillkännagetts genom anslag.",
                        "Justeringen av protokollet har tillkännagivits på kommunens anslagstavla.",
                        "Protokollet har justerats och anslagits på den digitala anslagstavlan.",
                    )
                )
            )
        ]
    )
    b.line([plain(f"Organ {ctx.title}")])
    b.line([plain("Sammanträdesdatum "), *w.date(md, form="iso")])
    b.line(
        [
            plain(w.pick(("Datum då anslaget sätts upp ", "Anslaget sätts upp "))),
            *w.date(up, form="iso"),
            plain(w.pick(("\n", "  ", "    "))),
            plain(w.pick(("Datum då anslaget tas ned ", "Anslaget tas ned "))),
            *w.date(down, form="iso"),
        ]
    )
    office = w.pick(ctx.lex.words("office"))
    b.line([plain(f"Förvaringsplats för protokollet {office[0].upper()}{office[1:]}")])
    b.line([plain("Underskrift " + "." * w.rng.randint(5, 25))])
    b.line(w.person_name(ctx.secretary, "full") if ctx.secretary else [])
    b.blank_lines(1)


def _esign_page(ctx: Context, b: TextBuilder) -> None:
    """An e-signature page: boilerplate paragraphs and a log of who signed when."""
    w = ctx.w
    b.line([plain(w.pick(("Underskriftssida", "Signeringssida", "Verifikat", "Elektroniska underskrifter")))])
    b.blank_lines(1)
    for paragraph in w.rng.sample(ESIGN_PARAGRAPHS, w.rng.randint(2, 4)):
        b.line([plain(paragraph)])
        b.blank_lines(1)
    if w.chance(0.5):
        b.line([plain(f"Transaktion {w.rng.randint(10**17, 10**18 - 1)}")])
        b.blank_lines(1)
    signers = [p for p in (ctx.chair, *ctx.adjusters, ctx.secretary) if p is not None]
    for person in signers:
        day = ctx.meeting_date + dt.timedelta(days=w.rng.randint(0, 8))
        b.line(w.person_name(person, "full"))
        if w.chance(0.5):
            b.line([plain(person.role or "justerare")])
        b.line(
            [
                plain(w.pick(("Signerat ", "Signerade ", "Undertecknat "))),
                *w.date(day, form="iso"),
                plain(
                    f" {w.clock().replace('.', ':')}:{w.rng.randint(0, 59):02d} {w.pick(('UTC', 'CET', 'CEST', ''))}".rstrip()
                ),
            ]
        )
        if w.chance(0.4):
            b.line([plain(f"E-post: {ctx.email(person)}")])
        b.blank_lines(1)


def build_document(rng: random.Random, lexicon: Lexicon, *, index: int = 0) -> tuple[str, list[dict], dict]:
    """(text, spans as dicts, meta) of one synthetic document; document ``index`` mentions municipality
    ``index * 7 mod 290`` at least once, so any 290 consecutive documents name every municipality."""
    start = dt.date(YEARS[0], 1, 1).toordinal()
    end = dt.date(YEARS[1], 12, 31).toordinal()
    meeting_date = dt.date.fromordinal(rng.randint(start, end))
    while meeting_date.weekday() > 4 and rng.random() < 0.95:  # meetings are held on weekdays
        meeting_date += dt.timedelta(days=1)
    kind = weighted(rng, DOCUMENT_KINDS)
    ctx = Context(rng, lexicon, meeting_date, kind)
    ctx.spotlight = lexicon.municipalities[(index * SPOTLIGHT_STEP) % len(lexicon.municipalities)]
    b = TextBuilder()
    municipal = kind in ("municipal_board", "working_committee", "council")
    (_header_municipal if municipal else _header_collab)(ctx, b)
    (_attendance_municipal if municipal else _attendance_collab)(ctx, b)
    _agenda(ctx, b)
    _signatures(ctx, b)
    if municipal and ctx.w.chance(0.35):
        _posting_certificate(ctx, b)
    if ctx.w.chance(0.2):
        _esign_page(ctx, b)
    text = b.text().rstrip() if ctx.w.chance(0.5) else b.text()
    spans = [s for s in b.spans if s["end"] <= len(text)]
    meta = {"source": "synthetic", "meeting_date": meeting_date.isoformat(), "kind": kind}
    return text, spans, meta
