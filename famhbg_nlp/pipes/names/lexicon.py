"""What the names component knows: first names, surnames, roles, and the municipality names it trims.

By default everything comes from packaged TSVs (``data/`` here and the municipality gazetteer's
``municipalities.tsv``); :meth:`NameLexicon.to_tables` / :meth:`from_tables` carry the same lists
into a saved pipeline, so it loads without the package data.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ...lexicon import genitive, municipality_suffixes, official_stem
from ...resources import parse_tsv, read_tsv, write_tsv
from ..municipalities.patterns import spellings

DATA_PACKAGE = "famhbg_nlp.pipes.names.data"
MUNICIPALITIES_PACKAGE = "famhbg_nlp.pipes.municipalities.data"

FIRST_NAMES_FILE = "first_names.tsv"
SURNAMES_FILE = "surnames.tsv"
ROLES_FILE = "roles.tsv"
PLACES_FILE = "places.tsv"
TABLE_FILES: tuple[str, ...] = (FIRST_NAMES_FILE, SURNAMES_FILE, ROLES_FILE, PLACES_FILE)

#: Words a municipality name may carry inside a (wrong) PERSON span: ``Tomas Rikse Klippans kommun``
#: (the shared lexicon's ``municipality_words.tsv``).
PLACE_SUFFIXES: frozenset[str] = municipality_suffixes()

#: The ``source`` of the name lists' Swedish rows.
SWEDISH_SOURCE = "sv_SE"


def municipality_forms(rows: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """``{"form", "name"}`` for every way a municipality is written as a word or two: the name,
    its genitive, the stem of its official name (``Falu``), space/hyphen variants."""
    forms: dict[str, str] = {}
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            continue
        stem = official_stem(row.get("official_name") or "")
        for written in (name, genitive(name), *(() if stem is None else (stem,))):
            for variant in spellings(written):
                forms.setdefault(variant, name)
    return [{"form": form, "name": name} for form, name in forms.items()]


#: Most words whose answers :meth:`NameLexicon.is_role` keeps (then it starts afresh).
_MEMO_SIZE = 100_000


@dataclass(frozen=True)
class NameLexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    swedish: frozenset[str]  # names listed by the Swedish source (sv_SE): the commonest, weigh most
    role_words: frozenset[str]  # lower case
    role_suffixes: tuple[str, ...]  # lower case, longest first
    places: Mapping[str, str]  # written form -> canonical municipality

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def packaged(cls) -> NameLexicon:
        """The lists shipped with the package (read with :func:`famhbg_nlp.resources.read_tsv`)."""
        rows = {name: read_tsv(DATA_PACKAGE, name) for name in (FIRST_NAMES_FILE, SURNAMES_FILE, ROLES_FILE)}
        rows[PLACES_FILE] = municipality_forms(read_tsv(MUNICIPALITIES_PACKAGE, "municipalities.tsv"))
        return cls.from_rows(rows)

    @classmethod
    def from_tables(cls, tables: Mapping[str, str]) -> NameLexicon:
        """A lexicon from the texts of its TSV tables (keys: :data:`TABLE_FILES`), as a saved pipeline holds them."""
        missing = [name for name in TABLE_FILES if name not in tables]
        if missing:
            raise ValueError(f"Names lexicon: missing table(s) {', '.join(missing)}.")
        return cls.from_rows({name: parse_tsv(tables[name], name) for name in TABLE_FILES})

    @classmethod
    def from_rows(cls, rows: Mapping[str, Sequence[Mapping[str, str]]]) -> NameLexicon:
        roles = rows[ROLES_FILE]
        firsts = [row for row in rows[FIRST_NAMES_FILE] if row.get("name")]
        lasts = [row for row in rows[SURNAMES_FILE] if row.get("name")]
        return cls(
            first_names=frozenset(row["name"] for row in firsts),
            surnames=frozenset(row["name"] for row in lasts),
            swedish=frozenset(row["name"] for row in firsts + lasts if (row.get("source") or "") == SWEDISH_SOURCE),
            role_words=frozenset(row["text"].lower() for row in roles if row.get("kind") == "word"),
            role_suffixes=tuple(
                sorted(
                    {row["text"].lower() for row in roles if row.get("kind") == "suffix"}, key=lambda s: (-len(s), s)
                )
            ),
            places={row["form"]: row["name"] for row in rows[PLACES_FILE] if row.get("form")},
        )

    def to_tables(self) -> dict[str, str]:
        return {
            FIRST_NAMES_FILE: write_tsv(
                ({"name": n, "source": self._source(n)} for n in sorted(self.first_names)), ("name", "source")
            ),
            SURNAMES_FILE: write_tsv(
                ({"name": n, "source": self._source(n)} for n in sorted(self.surnames)), ("name", "source")
            ),
            ROLES_FILE: write_tsv(
                [{"text": w, "kind": "word"} for w in sorted(self.role_words)]
                + [{"text": s, "kind": "suffix"} for s in self.role_suffixes],
                ("text", "kind"),
            ),
            PLACES_FILE: write_tsv(({"form": f, "name": n} for f, n in sorted(self.places.items())), ("form", "name")),
        }

    def _source(self, name: str) -> str:
        return SWEDISH_SOURCE if name in self.swedish else ""

    # -- lookups ----------------------------------------------------------------------------

    def is_swedish(self, word: str) -> bool:
        return self.normal(word) in self.swedish

    @staticmethod
    def normal(word: str) -> str:
        """``ANNA-KARIN`` -> ``Anna-Karin``: capitals only matter for words in capitals."""
        if word.isupper() and len(word) > 1:
            return "-".join(part.capitalize() for part in word.split("-"))
        return word

    def is_first(self, word: str) -> bool:
        word = self.normal(word)
        return word in self.first_names or ("-" in word and all(p in self.first_names for p in word.split("-")))

    def is_surname(self, word: str) -> bool:
        word = self.normal(word)
        return word in self.surnames or ("-" in word and all(p in self.surnames for p in word.split("-")))

    def is_role(self, word: str) -> bool:
        memo = self._role_memo  # a word is tested once (a document asks about the same words again and again)
        found = memo.get(word)
        if found is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            found = memo[word] = self._is_role(word)
        return found

    @functools.cached_property
    def _role_memo(self) -> dict[str, bool]:
        return {}

    def _is_role(self, word: str) -> bool:
        low = word.lower()
        if low in self.role_words:
            return True
        suffixes, lengths = self._role_suffix_index
        for n in lengths:  # a set look-up per suffix length, not an endswith per suffix
            if (len(low) == n or len(low) > n + 2) and low[-n:] in suffixes:
                return True
        return False

    @functools.cached_property
    def _role_suffix_index(self) -> tuple[frozenset[str], tuple[int, ...]]:
        return frozenset(self.role_suffixes), tuple(sorted({len(s) for s in self.role_suffixes}))

    def place_of_two(self, first: str, second: str) -> str | None:
        """``place(f"{first} {second}")``, answered at once for the many first words that start no
        two-word name."""
        if first not in self._two_word_starts and not (first + second).isupper():
            return None  # neither the words as written nor (in capitals) re-cased can be a listed name
        return self.place(f"{first} {second}")

    @functools.cached_property
    def _two_word_starts(self) -> frozenset[str]:
        return frozenset(form.split(" ")[0] for form in self.places if " " in form)

    def place(self, words: str) -> str | None:
        """The municipality ``words`` name (``Klippan``, ``Ängelholms``, ``Upplands Väsby``, ``KLIPPAN``)."""
        found = self.places.get(words)
        if found is None and words.isupper():
            found = self.places.get(" ".join(self.normal(w) for w in words.split(" ")))
        return found
