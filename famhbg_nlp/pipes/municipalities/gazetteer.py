"""The municipality gazetteer: records, ambiguous names and exclusions, and every written form of a name.

All three tables are data: the packaged ones by default (``data/*.tsv``, see ``data/SOURCE.md``),
or those a saved pipeline wrote with its component, so a saved pipeline is self-contained.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...lexicon import genitives, official_stem
from ...resources import parse_tsv, read_text, write_tsv
from .patterns import AMBIGUITY_KINDS, SUFFIXES, Exclusion, spellings
from .value import COLUMNS, Municipality

DATA_PACKAGE = "famhbg_nlp.pipes.municipalities.data"

#: File names of the tables, in the package and in a saved component's directory.
MUNICIPALITIES_FILE = "municipalities.tsv"
AMBIGUOUS_FILE = "ambiguous.tsv"
EXCLUSIONS_FILE = "exclusions.tsv"
TABLE_FILES: tuple[str, ...] = (MUNICIPALITIES_FILE, AMBIGUOUS_FILE, EXCLUSIONS_FILE)


@dataclass(frozen=True)
class Form:
    """A written form of a municipality name and what it needs to count."""

    municipality: Municipality
    needs_suffix: bool  # ``Falu`` only in ``Falu kommun``
    ambiguity: frozenset[str]  # kinds from ``ambiguous.tsv``; empty = the capitalised form suffices


def packaged_tables() -> dict[str, str]:
    """The texts of the gazetteer's tables as shipped with the package."""
    return {name: read_text(DATA_PACKAGE, name) for name in TABLE_FILES}


class Gazetteer:
    """Municipality records plus the tables that decide when a written name is one."""

    def __init__(
        self,
        municipalities: Iterable[Municipality],
        *,
        ambiguous: Mapping[str, frozenset[str]] | None = None,
        exclusions: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.municipalities: dict[str, Municipality] = {}
        self.add(municipalities)
        self.ambiguous: dict[str, frozenset[str]] = dict(ambiguous or {})
        for name, kinds in self.ambiguous.items():
            unknown = set(kinds) - AMBIGUITY_KINDS
            if unknown:
                raise ValueError(f"Ambiguous name {name!r}: unknown kind {', '.join(sorted(unknown))}.")
        self.exclusions: list[Exclusion] = [Exclusion.compile(p, r) for p, r in exclusions]

    # -- construction -----------------------------------------------------------------

    @classmethod
    def packaged(cls) -> Gazetteer:
        """The gazetteer shipped with the package."""
        return cls.from_tables(packaged_tables())

    @classmethod
    def from_tables(cls, tables: Mapping[str, str]) -> Gazetteer:
        """A gazetteer from the texts of its three TSV tables (keys: :data:`TABLE_FILES`)."""
        missing = [name for name in TABLE_FILES if name not in tables]
        if missing:
            raise ValueError(f"Municipality gazetteer: missing table(s) {', '.join(missing)}.")
        municipalities = []
        for i, row in enumerate(parse_tsv(tables[MUNICIPALITIES_FILE], MUNICIPALITIES_FILE), start=1):
            try:
                municipalities.append(Municipality.from_row(row))
            except ValueError as err:
                raise ValueError(f"{MUNICIPALITIES_FILE}, data row {i}: {err}") from err
        ambiguous = {
            row["name"].strip(): frozenset(k.strip() for k in (row.get("kind") or "").split(",") if k.strip())
            for row in parse_tsv(tables[AMBIGUOUS_FILE], AMBIGUOUS_FILE)
        }
        exclusions = [
            (row["pattern"], row.get("reason") or "") for row in parse_tsv(tables[EXCLUSIONS_FILE], EXCLUSIONS_FILE)
        ]
        return cls(municipalities, ambiguous=ambiguous, exclusions=exclusions)

    def to_tables(self) -> dict[str, str]:
        """The three TSV tables as texts (inverse of :meth:`from_tables`)."""
        return {
            MUNICIPALITIES_FILE: write_tsv((m.to_row() for m in self.municipalities.values()), COLUMNS),
            AMBIGUOUS_FILE: write_tsv(
                ({"name": name, "kind": ",".join(sorted(kinds))} for name, kinds in self.ambiguous.items()),
                ("name", "kind"),
            ),
            EXCLUSIONS_FILE: write_tsv(
                ({"pattern": e.pattern, "reason": e.reason} for e in self.exclusions), ("pattern", "reason")
            ),
        }

    def add(self, municipalities: Iterable[Municipality | Mapping[str, str]]) -> list[Municipality]:
        """Add records (or table rows); codes and names must stay unique. Returns the added records."""
        added = []
        names = {m.name for m in self.municipalities.values()}
        for item in municipalities:
            record = item if isinstance(item, Municipality) else Municipality.from_row(item)
            if record.code in self.municipalities:
                raise ValueError(f"Municipality code {record.code!r} ({record.name}) is already in the gazetteer.")
            if record.name in names:
                raise ValueError(f"Municipality name {record.name!r} is already in the gazetteer.")
            self.municipalities[record.code] = record
            names.add(record.name)
            added.append(record)
        return added

    # -- forms --------------------------------------------------------------------------

    def forms(self, *, uppercase: bool = True) -> dict[str, Form]:
        """Every written form (case-sensitive) -> what it names.

        A name gives itself and its genitive (two-part names with a space or a hyphen); an
        official name ``<stem> kommun|stad`` gives ``<stem>``, which needs the suffix when it is
        not already a name form (``Falu``); any other official name is a form of its own
        (``Region Gotland``). With ``uppercase``, each form also in capitals (``HELSINGBORGS``).
        """
        forms: dict[str, Form] = {}

        def put(text: str, form: Form) -> None:
            old = forms.get(text)
            if old is not None and old.municipality.code != form.municipality.code:
                raise ValueError(
                    f"The written form {text!r} names both {old.municipality.name} and {form.municipality.name}."
                )
            if old is None or (old.needs_suffix and not form.needs_suffix):
                forms[text] = form

        for m in self.municipalities.values():
            ambiguity = self.ambiguous.get(m.name, frozenset())
            for spelling in spellings(m.name):
                for text in (spelling, *genitives(spelling)):
                    put(text, Form(m, needs_suffix=False, ambiguity=ambiguity))
            if m.official_name:
                stem = official_stem(m.official_name)
                texts = spellings(stem) if stem is not None else spellings(m.official_name)
                for spelling in texts:
                    extra = () if stem is not None else genitives(spelling)
                    for text in (spelling, *extra):
                        put(text, Form(m, needs_suffix=stem is not None, ambiguity=frozenset()))
        if uppercase:
            for text, form in list(forms.items()):
                if text.upper() != text:
                    put(text.upper(), form)
        return forms

    def lookup(self, text: str) -> Municipality | None:
        """The municipality a span's text names (``Helsingborgs Stads`` -> Helsingborg), any case, or ``None``."""
        words = text.split()
        if len(words) > 1 and words[-1].lower() in SUFFIXES:
            words = words[:-1]
        key = " ".join(words).lower()
        if not key:
            return None
        index = self._lookup_index()
        return index.get(key)

    def _lookup_index(self) -> dict[str, Municipality]:
        key = tuple(self.municipalities)
        if getattr(self, "_index_key", None) != key:
            index: dict[str, Municipality] = {}
            for text, form in self.forms(uppercase=False).items():
                index.setdefault(" ".join(text.split()).lower(), form.municipality)
            self._index, self._index_key = index, key
        return self._index
