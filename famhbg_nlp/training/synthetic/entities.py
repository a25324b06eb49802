"""Entities and their look-alikes in every written form the scheme knows, with their values.

Each writer returns :class:`~.builder.Piece` lists: the entity itself as a labelled piece,
qualifiers, weekdays, ``den`` and rate units as plain pieces around it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ... import lexicon as shared_lexicon
from ...lexicon import genitive
from ...lexicon.vocabulary import MoneyUnit
from .builder import Pieces, ent, plain
from .lexicon import Lexicon, MunicipalityEntry, Organisation

#: Month names and abbreviations (the shared lexicon's); an abbreviation may take a period (outside the span).
MONTHS = tuple(shared_lexicon.months()[m][0] for m in range(1, 13))
MONTH_ABBR = tuple(shared_lexicon.months()[m][-1] for m in range(1, 13))
MONTH_ABBR_DOTTED = frozenset(abbr for abbr, name in zip(MONTH_ABBR, MONTHS) if abbr != name)
WEEKDAYS = shared_lexicon.weekdays()
WEEKDAYS_DEF = tuple(f"{day}en" for day in WEEKDAYS)
SEASONS = ("våren", "hösten", "sommaren", "vintern")
DASHES = ("-", "-", "-", "–")

AMOUNT_QUALIFIERS = (
    "ca ",
    "cirka ",
    "knappt ",
    "drygt ",
    "upp till ",
    "högst ",
    "maximalt ",
    "totalt ",
    "ytterligare ",
    "minst ",
    "ungefär ",
    "omkring ",
    "c:a ",
)
RATE_UNITS = ("/år", "/invånare", " per invånare", "/månad", " per år", "/plats", " per elev", "/timme")


def iso(day: dt.date) -> str:
    return day.isoformat()


def weighted(rng: random.Random, options: dict[str, float]) -> str:
    keys = list(options)
    return rng.choices(keys, weights=[options[k] for k in keys])[0]


@dataclass
class Person:
    """A person of a document's cast; ``first``/``last`` may hold several words."""

    first: str
    last: str
    gender: str
    municipality: MunicipalityEntry | None = None
    role: str | None = None
    party: str | None = None

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class EntityWriter:
    """Random entity renderings for one document (``rng`` and ``meeting_date`` fixed)."""

    def __init__(self, rng: random.Random, lexicon: Lexicon, meeting_date: dt.date) -> None:
        self.rng = rng
        self.lex = lexicon
        self.meeting_date = meeting_date

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    # -- persons --------------------------------------------------------------------------

    def _first(self, locale: str, gender: str) -> str:
        pool = self.lex.first_names[(locale, gender)]
        return self.rng.choices(pool.names, cum_weights=pool.cum_weights)[0]

    def _surname(self, locale: str) -> str:
        pool = self.lex.surnames[locale]
        return self.rng.choices(pool.names, cum_weights=pool.cum_weights)[0]

    def _locale(self) -> str:
        return self.rng.choices(self.lex.locales, weights=self.lex.locale_weights)[0]

    def person(self, **attrs) -> Person:
        """A new person: Swedish or foreign-origin names in all their shapes."""
        gender = "f" if self.chance(0.5) else "m"
        locale = self._locale()
        first = self._first(locale, gender)
        # surnames of another origin than the first name (marriage, families in Sweden)
        last_locale = locale if self.chance(0.85) else self._locale()
        last = self._surname(last_locale)
        shape = self.rng.random()
        if shape < 0.05 and "-" not in first:
            first = f"{first}-{self._first(locale, gender)}"  # Lars-Ola, Anna-Karin
        elif shape < 0.10 and "-" not in first:
            first = f"{first} {self._first(locale, gender)}"  # Anna Karin
        elif shape < 0.13:
            first = f"{first} {self.rng.choice('ABCDEFGHIJKLMNOPRSTUVW')}{'.' if self.chance(0.4) else ''}"  # Sten G
        shape = self.rng.random()
        second = self._surname(last_locale if self.chance(0.7) else "sv_SE")
        if shape < 0.05 and second != last:
            last = f"{last} {second}"  # Rosenlund Sjövall
        elif shape < 0.10 and second != last:
            last = f"{last}-{second}"  # Mårtensson-Stenudd
        elif shape < 0.115:
            particle = self.pick(("af", "von", "de", "van", "van der", "von der"))
            base = self._surname("de_DE" if particle.startswith("von") else "sv_SE")
            last = f"{particle} {base}"
        if last == first or last.split()[0] == first.split()[0]:
            last = self._surname("sv_SE")
        return Person(first=first, last=last, gender=gender, **attrs)

    def typo(self, word: str) -> str:
        """A plausible misspelling (one letter replaced or two swapped) - still a name."""
        if len(word) < 5 or not word.isalpha():
            return word
        i = self.rng.randrange(1, len(word) - 2)
        if self.chance(0.5):
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        return word[:i] + self.pick("aeiouylnrst") + word[i + 1 :]

    def person_name(self, person: Person, form: str | None = None) -> Pieces:
        """A mention of ``person``: full name (most), first or last name alone, genitive, capitals."""
        form = form or weighted(
            self.rng,
            {"full": 0.8, "first": 0.06, "last": 0.05, "gen": 0.04, "typo": 0.02, "initial": 0.02, "upper": 0.01},
        )
        first, last = person.first, person.last
        if form == "first":
            return [ent(first.split()[0] if " " in first and len(first.split()[1]) < 3 else first, "PERSON")]
        if form == "last":
            return [ent(last, "PERSON")]
        if form == "gen":
            return [ent(genitive(person.full), "PERSON")]
        if form == "typo":
            return [
                ent(
                    f"{self.typo(first) if self.chance(0.3) else first} {self.typo(last) if ' ' not in last else last}",
                    "PERSON",
                )
            ]
        if form == "initial":
            return [ent(f"{first[0]}. {last}" if self.chance(0.6) else f"{first[0]} {last}", "PERSON")]
        if form == "upper":
            return [ent(person.full.upper(), "PERSON")]
        return [ent(person.full, "PERSON")]

    # -- municipalities -------------------------------------------------------------------

    def municipality(self, entry: MunicipalityEntry, form: str | None = None) -> Pieces:
        """``entry`` written as a place or an organisation; the value is always the canonical name."""
        if form is None:
            form = weighted(self.rng, {"name": 0.55, "org": 0.45})
        if entry.needs_suffix and form in ("name", "gen"):
            form = "org"
        if form == "org":
            options = {"kommun": 0.55, "Kommun": 0.05, "kommuns": 0.08, "plain_kommun": 0.07, "upper": 0.02}
            if entry.is_stad:
                options.update({"stad": 0.25, "Stad": 0.12, "stads": 0.05, "Stads": 0.04})
            form = weighted(self.rng, options)
        name = entry.name
        if "-" in name and form == "name" and self.chance(0.1):
            name = name.replace("-", " ")  # Upplands Bro for Upplands-Bro
        if form == "name":
            text = name
        elif form == "gen":
            text = entry.genitive
        elif form == "kommun":
            text = entry.official if entry.official.endswith(" kommun") else f"{entry.genitive} kommun"
        elif form == "Kommun":
            text = f"{self.pick((entry.genitive, entry.name))} Kommun"
        elif form == "kommuns":
            text = f"{entry.genitive} kommuns"
        elif form == "plain_kommun":
            text = f"{entry.name} kommun"  # Båstad kommun: the name, not its genitive
        elif form in ("stad", "Stad", "stads", "Stads"):
            text = f"{entry.genitive} {form}"
        elif form == "upper":
            text = f"{entry.genitive} {'kommun' if not entry.is_stad else 'stad'}".upper()
        else:
            raise ValueError(f"unknown municipality form {form!r}")
        return [ent(text, "MUNICIPALITY", entry.name)]

    # -- organisations --------------------------------------------------------------------

    def organisation(self, org: Organisation, form: str | None = None) -> Pieces:
        if form is None:
            options = {"name": 0.8}
            if org.short:
                options.update({"short": 0.25, "long_short": 0.12})
            form = weighted(self.rng, options)
        if form == "short" and org.short:
            return [ent(org.short, "ORG")]
        if form == "long_short" and org.short:
            return [ent(org.name, "ORG"), plain(" ("), ent(org.short, "ORG"), plain(")")]
        if form == "gen":
            return [ent(self.org_genitive(org), "ORG")]
        if org.name.startswith("Familjen ") and self.chance(0.03):
            return [ent(org.name[0].lower() + org.name[1:], "ORG")]  # a typo, still the collaboration
        return [ent(org.name, "ORG")]

    def shaped_organisation(self) -> Organisation:
        """An organisation whose name is made by its form (``Malungshem AB``, ``Sjuhärads samordningsförbund``,
        ``Storviks IF``), from a template of ``data/org_shapes.tsv`` filled with a municipality, county,
        surname or locality."""
        shapes = self.lex.org_shapes
        row = self.rng.choices(shapes, weights=[float(r["weight"]) for r in shapes])[0]
        entry = self.pick(self.lex.municipalities)
        county = entry.county.removesuffix(" län") if entry.county else "Skåne"
        values = {
            "muni": entry.name,
            "muni_gen": entry.genitive,
            "county_gen": county if county.endswith("s") or county.endswith("a") else genitive(county),
            "surname": self.pick(self.pick(list(self.lex.surnames.values())).names),
            "place": self.pick(tuple(shared_lexicon.localities())),
            "word": self.pick(tuple(row["words"].split("|"))) if row.get("words") else "",
        }
        name = row["template"]
        for key, value in values.items():
            name = name.replace("{" + key + "}", value)
        return Organisation(name, row["kind"])

    def org_genitive(self, org: Organisation) -> str:
        """``SKR:s``/``SKRs``, ``Trafikverkets``; names ending in ``i X``/``vid X`` stay as they are."""
        name = org.short if org.short and self.chance(0.5) else org.name
        if " i " in name or " vid " in name or " över " in name:
            return name
        if name.isupper() and len(name) <= 5:
            return f"{name}:s" if self.chance(0.6) else f"{name}s"
        return genitive(name)

    # -- dates ----------------------------------------------------------------------------

    def day_near(self, *, before: int = 150, after: int = 150) -> dt.date:
        """A day within the window around the meeting (never 29 February: no-year forms stay unique)."""
        while True:
            day = self.meeting_date + dt.timedelta(days=self.rng.randint(-before, after))
            if not (day.month == 2 and day.day == 29):
                return day

    def date(self, day: dt.date | None = None, *, form: str | None = None) -> Pieces:
        """A DATE span for ``day`` (or a range starting there) in one of the scheme's forms."""
        day = day or self.day_near()
        form = form or weighted(
            self.rng,
            {
                "iso": 0.2,
                "compact": 0.14,
                "long": 0.2,
                "long_noyear": 0.12,
                "abbr": 0.04,
                "abbr_noyear": 0.04,
                "slash": 0.06,
                "range_long": 0.04,
                "range_long_noyear": 0.03,
                "range_slash": 0.04,
                "range_cross_slash": 0.015,
                "range_compact": 0.02,
                "malformed": 0.01,
            },
        )
        d, m, y = day.day, day.month, day.year
        if form == "iso":
            return [ent(iso(day), "DATE", iso(day))]
        if form == "compact":
            return [ent(day.strftime("%y%m%d"), "DATE", iso(day))]
        if form == "long":
            return [ent(f"{d} {MONTHS[m - 1]} {y}", "DATE", iso(day))]
        if form == "long_noyear":
            return [ent(f"{d} {MONTHS[m - 1]}", "DATE", iso(day))]
        if form in ("abbr", "abbr_noyear"):
            abbr = MONTH_ABBR[m - 1]
            if form == "abbr":
                return [ent(f"{d} {abbr} {y}", "DATE", iso(day))]
            dot = "." if abbr in MONTH_ABBR_DOTTED and self.chance(0.3) else ""
            return [ent(f"{d} {abbr}", "DATE", iso(day)), plain(dot)]
        if form == "slash":
            return [ent(f"{d}/{m}", "DATE", iso(day))]
        if form == "malformed":
            # still a DATE, but no single valid day is meant: a compact date with a doubled digit
            # (``2011127``) or a day the month does not have (``31 april``)
            if self.chance(0.6):
                compact = day.strftime("%y%m%d")
                i = self.rng.randrange(1, 6)
                return [ent(compact[:i] + compact[i] + compact[i:], "DATE", None)]
            month = self.pick((2, 4, 6, 9, 11))
            bad_day = 30 if month == 2 else 31
            year = f" {y}" if self.chance(0.5) else ""
            return [ent(f"{bad_day} {MONTHS[month - 1]}{year}", "DATE", None)]
        # ranges: one to three days
        end = day + dt.timedelta(days=self.rng.choice((1, 1, 1, 2)))
        value = {"start": iso(day), "end": iso(end)}
        dash = self.pick(DASHES)
        if form == "range_cross_slash" or (end.month != day.month and form != "range_compact"):
            if end.month == day.month:
                return [ent(f"{d}/{m}{dash}{end.day}/{end.month}", "DATE", value)]
            return [ent(f"{d}/{m}{dash}{end.day}/{end.month}", "DATE", value)]
        if end.month != day.month:  # compact range across months is not a scheme form
            return [ent(iso(day), "DATE", iso(day))]
        if form == "range_long":
            return [ent(f"{d}{dash}{end.day} {MONTHS[m - 1]} {y}", "DATE", value)]
        if form == "range_long_noyear":
            return [ent(f"{d}{dash}{end.day} {MONTHS[m - 1]}", "DATE", value)]
        if form == "range_slash":
            return [ent(f"{d}{dash}{end.day}/{m}", "DATE", value)]
        if form == "range_compact":
            return [ent(f"{day.strftime('%y%m%d')}-{end.day:02d}", "DATE", value)]
        raise ValueError(f"unknown date form {form!r}")

    def weekday_date(self, day: dt.date | None = None) -> Pieces:
        """``onsdagen den 21 november 2018``: weekday and ``den`` stay outside the span."""
        if day is None:
            day = self.day_near()
            while day.weekday() > 4 and self.chance(0.9):  # meetings and seminars fall on weekdays
                day += dt.timedelta(days=1)
        weekday = (WEEKDAYS_DEF if self.chance(0.7) else WEEKDAYS)[day.weekday()]
        form = weighted(self.rng, {"long": 0.6, "long_noyear": 0.35, "iso": 0.05})
        return [plain(f"{weekday} den "), *self.date(day, form=form)]

    # -- not dates --------------------------------------------------------------------------

    def year(self) -> str:
        return str(self.meeting_date.year + self.rng.randint(-3, 3))

    def year_range(self) -> str:
        start = self.meeting_date.year + self.rng.randint(-2, 2)
        return f"{start}{self.pick(DASHES)}{start + self.rng.randint(1, 4)}"

    def month(self) -> str:
        month = MONTHS[self.rng.randrange(12)]
        return f"{month} {self.year()}" if self.chance(0.4) else month

    def season(self) -> str:
        return f"{self.pick(SEASONS)} {self.year()}" if self.chance(0.7) else self.pick(SEASONS)

    def clock(self) -> str:
        h = self.rng.randint(7, 18)
        m = self.pick((0, 0, 0, 15, 30, 30, 45, 10, 40))
        sep = self.pick((".", ".", ":"))
        return f"{h:02d}{sep}{m:02d}" if self.chance(0.7) else f"{h}{sep}{m:02d}"

    def time_range(self) -> str:
        start_h = self.rng.randint(8, 15)
        end_h = start_h + self.rng.randint(1, 4)
        sm, em = self.pick((0, 0, 15, 30, 40)), self.pick((0, 0, 15, 30, 45, 10))
        s1, s2 = self.pick((".", ".", ":")), self.pick((".", ".", ":"))
        style = self.rng.random()
        if style < 0.15:
            return f"{start_h:02d}{sm:02d}-{end_h:02d}{em:02d}"  # 0830-1100
        return f"{start_h:02d}{s1}{sm:02d}{self.pick(DASHES)}{end_h:02d}{s2}{em:02d}"

    def kl(self) -> str:
        return self.pick(("kl. ", "kl. ", "kl ", "klockan ", ""))

    def protocol_number(self) -> str:
        return f"{self.rng.randint(1, 12)}/{self.meeting_date.year}"

    def case_number(self) -> str:
        prefix = self.pick(("Dnr KS ", "Dnr ", "KS ", "Dnr BUN ", "Dnr SN ", "Diarienr ", "Dnr KS-"))
        number = self.rng.randint(1, 999)
        return f"{prefix}{self.meeting_date.year - self.rng.randint(0, 1)}/{number:0{self.pick((1, 3, 4))}d}"

    def paragraph_ref(self) -> str:
        n = self.rng.randint(1, 180)
        return self.pick((f"§ {n}", f"§{n}", f"§§ {n}-{n + self.rng.randint(1, 9)}", f"paragraf {n}"))

    # -- amounts ----------------------------------------------------------------------------

    @staticmethod
    def group(number: int, sep: str) -> str:
        digits = str(number)
        groups: list[str] = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        return sep.join(groups)

    def _decimal(self, whole_max: int) -> tuple[str, int, int]:
        """A number with up to two decimals written with a comma: (text, whole, hundredths)."""
        whole = self.rng.randint(1, whole_max)
        hundredths = self.pick((0, 0, 0, 50, 50, 25, 75, 20, 40, 60, 80, 10, 30, 90, 5, 35))
        if hundredths == 0:
            return str(whole), whole, 0
        text = f"{whole},{hundredths:02d}".rstrip("0") if hundredths % 10 == 0 else f"{whole},{hundredths:02d}"
        return text, whole, hundredths

    def amount(self, *, qualifier: float = 0.2, rate: float = 0.0) -> Pieces:
        """An AMOUNT span (value in whole kronor), maybe with a qualifier before and a rate after."""
        form = weighted(
            self.rng,
            {
                "kr_space": 0.25,
                "kr_thin": 0.02,
                "kr_period": 0.06,
                "kr_plain": 0.07,
                "kronor": 0.06,
                "tkr": 0.16,
                "kkr": 0.04,
                "mkr": 0.17,
                "miljoner": 0.06,
                "mdkr": 0.02,
                "sek": 0.05,
                "tsek": 0.01,
                "spelling": 0.08,
            },
        )
        if form == "spelling":
            text, value = self.unit_spelling()
            qualified: Pieces = [plain(self.pick(AMOUNT_QUALIFIERS))] if self.chance(qualifier) else []
            return [*qualified, ent(text, "AMOUNT", value)]
        if form in ("kr_space", "kr_thin", "kr_period", "kronor", "sek"):
            magnitude = self.pick((1_000, 10_000, 100_000, 1_000_000, 10_000))
            value = self.rng.randint(1, 99) * magnitude // self.pick((1, 1, 10)) or magnitude
            if value < 1000 and form == "kr_period":
                value *= 1000
            sep = {"kr_space": " ", "kr_thin": "\u2009", "kr_period": ".", "kronor": " ", "sek": " "}[form]
            unit = {"kronor": "kronor", "sek": "SEK"}.get(form, self.pick(("kr", "kr", "kr", "Kr")))
            text = f"{self.group(value, sep)} {unit}"
        elif form == "kr_plain":
            value = self.rng.randint(1, 9999) * self.pick((1, 10, 100))
            text = f"{value} {self.pick(('kr', 'kr', 'kronor'))}"
        elif form in ("tkr", "kkr", "tsek"):
            thousands = self.rng.randint(1, 30_000) if self.chance(0.3) else self.rng.randint(5, 2000)
            value = thousands * 1000
            sep = self.pick(("", " ", " ", "\u2009")) if thousands >= 1000 else ""
            unit = {"tkr": self.pick(("tkr", "tkr", "Tkr", "TKR")), "kkr": "kkr", "tsek": "TSEK"}[form]
            text = f"{self.group(thousands, sep) if sep else thousands} {unit}"
        elif form in ("mkr", "miljoner"):
            number, whole, hundredths = self._decimal(self.pick((9, 30, 150)))
            value = whole * 1_000_000 + hundredths * 10_000
            unit = (
                self.pick(("mkr", "mnkr", "Mkr", "MSEK", "mkr", "mnkr", "Mnkr"))
                if form == "mkr"
                else self.pick(("miljoner kronor", "miljoner kronor", "miljoner kr", "miljon kronor"))
            )
            if unit == "miljon kronor":
                number, value = "1", 1_000_000
            text = f"{number} {unit}"
        else:  # mdkr
            number, whole, hundredths = self._decimal(12)
            value = whole * 1_000_000_000 + hundredths * 10_000_000
            unit = self.pick(("mdkr", "mdkr", "miljarder kronor"))
            if whole == 1 and hundredths == 0 and unit == "miljarder kronor":
                unit = "miljard kronor"
            text = f"{number} {unit}"
        pieces: Pieces = []
        if self.chance(qualifier):
            pieces.append(plain(self.pick(AMOUNT_QUALIFIERS)))
        pieces.append(ent(text, "AMOUNT", value))
        if self.chance(rate):
            pieces.append(plain(self.pick(RATE_UNITS)))
        return pieces

    def unit_spelling(self) -> tuple[str, int]:
        """An amount in one of the lexicon's unit spellings (``12,5 m.kr``, ``4.5 Mkr``, ``150 T kr``,
        ``3 milj. kr``, ``2 mdr kr``, ``300 tSEK``): (text, whole kronor)."""
        units: list[MoneyUnit] = [u for u in shared_lexicon.money_units() if u.kind == "unit"]
        unit = self.pick(units)
        form = unit.form.replace("{KRONOR}", self.pick(("kronor", "kr", "kr", "SEK"))).replace(
            ". ", self.pick((". ", "."))
        )
        if not unit.exact_case and " " not in form and self.chance(0.2):
            form = form[0].upper() + form[1:]  # Mkr, M.kr, Tkr
        if form.startswith(("miljon ", "miljard ")):
            return f"1 {form}", unit.multiplier  # the singular takes one
        if unit.multiplier == 1000:
            thousands = self.rng.randint(5, 9000)
            return f"{thousands} {form}", thousands * 1000
        whole = self.rng.randint(1, 40)
        tenths = self.rng.randint(0, 9)
        if tenths and self.chance(0.25):
            number = f"{whole}.{tenths}"  # one digit after a period is a decimal point (4.5 m.kr)
        elif tenths:
            number = f"{whole},{tenths}"
        else:
            number = str(whole)
        return f"{number} {form}", whole * unit.multiplier + tenths * unit.multiplier // 10

    def rate_amount(self) -> Pieces:
        """``21 kr/invånare``, ``85 tkr/år``: the rate unit stays outside the span."""
        if self.chance(0.5):
            value = self.rng.randint(2, 400)
            return [
                ent(f"{value} kr", "AMOUNT", value),
                plain(self.pick(("/invånare", " per invånare", "/timme", "/månad"))),
            ]
        number = self.rng.randint(10, 900)
        return [ent(f"{number} tkr", "AMOUNT", number * 1000), plain(self.pick(("/år", " per år", "/tjänst")))]

    # -- not amounts ------------------------------------------------------------------------

    def staffing(self) -> str:
        whole = self.rng.randint(0, 3)
        frac = self.pick(("25", "5", "75", "0", "2", "4"))
        unit = self.pick(("tjänst", "tjänster", "årsarbetare", "heltidstjänst", "heltidstjänster", "årsarbetskrafter"))
        return f"{whole},{frac} {unit}" if whole or frac != "0" else f"1 {unit}"

    def percent(self) -> str:
        number = self.rng.randint(1, 99)
        if self.chance(0.3):
            return f"{number},{self.rng.randint(1, 9)} {self.pick(('%', 'procent'))}"
        return f"{number} {self.pick(('%', '%', 'procent'))}" if self.chance(0.8) else f"{number}%"

    def count(self, *, people: bool = False) -> str:
        n = self.pick((self.rng.randint(2, 40), self.rng.randint(40, 900), self.rng.randint(1000, 90000)))
        if people:
            unit = self.pick(("deltagare", "elever", "invånare", "medarbetare", "personer", "ungdomar", "besökare"))
        else:
            unit = self.pick(
                (
                    "deltagare",
                    "elever",
                    "platser",
                    "invånare",
                    "ärenden",
                    "lägenheter",
                    "ansökningar",
                    "företag",
                    "besökare",
                )
            )
        return f"{self.group(n, ' ')} {unit}"
