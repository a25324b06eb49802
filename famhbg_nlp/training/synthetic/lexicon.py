"""What the generator writes about: names, municipalities, organisations and the negative vocabulary.

Everything is read from packaged TSV files through :func:`famhbg_nlp.resources.read_tsv`:
names from the names component's data (``famhbg_nlp/pipes/names/data``), municipalities from
the municipality gazetteer (``famhbg_nlp/pipes/municipalities/data``), organisations and the
rest from this package's ``data/``. Lists keep file order, so sampling is reproducible.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ... import lexicon as shared_lexicon
from ...lexicon import genitive, official_stem
from ...resources import read_tsv

NAMES_DATA = "famhbg_nlp.pipes.names.data"
MUNICIPALITIES_DATA = "famhbg_nlp.pipes.municipalities.data"
DATA = "famhbg_nlp.training.synthetic.data"

#: How often a person's names come from each source locale (the rest of the file's locales share
#: nothing: they are only knowledge for the names component). Swedish names dominate, as in the
#: minutes; the others give names of foreign origin common in Sweden.
LOCALE_WEIGHTS: dict[str, float] = {
    "sv_SE": 0.80,
    "fi_FI": 0.03,
    "da_DK": 0.015,
    "no_NO": 0.015,
    "de_DE": 0.015,
    "pl_PL": 0.015,
    "hr_HR": 0.02,
    "mk_MK": 0.01,
    "sl_SI": 0.005,
    "tr_TR": 0.02,
    "fr_DZ": 0.01,
    "en_PK": 0.01,
    "en_KE": 0.005,
    "ru_RU": 0.005,
    "uk_UA": 0.005,
    "es_CL": 0.005,
    "hu_HU": 0.003,
    "ro_RO": 0.003,
    "lt_LT": 0.002,
    "et_EE": 0.002,
}


@dataclass(frozen=True)
class NamePool:
    """Names of one locale and gender, with cumulative weights for :meth:`random.Random.choices`."""

    names: tuple[str, ...]
    cum_weights: tuple[float, ...]


@dataclass(frozen=True)
class MunicipalityEntry:
    """A municipality and the stems the generator writes it with."""

    name: str  # canonical: the span value
    genitive: str  # "Falu", "Helsingborgs", "Höganäs"
    official: str  # "Falu kommun", "Göteborgs Stad"
    is_stad: bool  # calls itself "stad"
    #: written only with ``kommun`` after it: the name alone is also a landscape or region and the
    #: official name reads like a region (``Region Gotland``), which the NER must learn as ORG
    needs_suffix: bool
    county_code: str
    county: str
    familjen_helsingborg: bool


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str
    short: str = ""


@dataclass
class Lexicon:
    first_names: dict[tuple[str, str], NamePool] = field(default_factory=dict)  # (locale, "f"|"m")
    surnames: dict[str, NamePool] = field(default_factory=dict)
    locales: tuple[str, ...] = ()
    locale_weights: tuple[float, ...] = ()
    municipalities: tuple[MunicipalityEntry, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    collaborations: tuple[dict[str, str], ...] = ()
    vocabulary: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: templates of organisation names filled in per document (``data/org_shapes.tsv``)
    org_shapes: tuple[dict[str, str], ...] = ()

    def words(self, kind: str) -> tuple[str, ...]:
        return self.vocabulary[kind]

    def municipality(self, name: str) -> MunicipalityEntry:
        for entry in self.municipalities:
            if entry.name == name:
                return entry
        raise KeyError(name)

    def organisations_of(self, *kinds: str) -> tuple[Organisation, ...]:
        return tuple(org for org in self.organisations if org.kind in kinds)


def _pool(rows: list[tuple[str, float]]) -> NamePool:
    names = tuple(name for name, _ in rows)
    return NamePool(names, tuple(itertools.accumulate(weight for _, weight in rows)))


def _name_pools(rows: list[dict[str, str]], *, by_gender: bool) -> dict:
    grouped: dict = defaultdict(list)
    for row in rows:
        locale = row["source"].split(":")[0]
        if locale not in LOCALE_WEIGHTS:
            continue
        weight = float(row.get("weight") or 1.0)
        if by_gender:
            genders = (row["gender"],) if row.get("gender") in ("f", "m") else ("f", "m")
            for gender in genders:
                grouped[(locale, gender)].append((row["name"], weight))
        else:
            grouped[locale].append((row["name"], weight))
    return {key: _pool(value) for key, value in grouped.items()}


#: Kinds of the shared lexicon's organisations -> the generator's kinds (the slots that write them).
SHARED_KINDS: dict[str, str] = {
    "agency": "agency",
    "ministry": "agency",
    "former": "agency",
    "region": "region",
    "county_board": "county_board",
    "court": "court",
    "university": "university",
    "union": "union",
    "association": "association",
    "company": "company",
    "transport": "company",
    "media": "company",
    "international": "association",
    "party": "party",
}


def shared_organisations(known: set[str]) -> tuple[Organisation, ...]:
    """The organisations of the shared lexicon (:func:`famhbg_nlp.lexicon.organisations`) not already in
    the generator's own table; an acronym in capitals is their short form. Names that are also common
    words (``Kommunal``, ``Vision``) are left out: the generator does not write the context that tells."""
    out = []
    for org in shared_lexicon.organisations():
        kind = SHARED_KINDS.get(org.kind)
        if kind is None or org.name in known or org.case == "ambiguous" or org.name[:1].islower():
            continue
        short = next((s for s in org.short if s.isupper() and 2 <= len(s) <= 6), "")
        out.append(Organisation(org.name, kind, short))
    return tuple(out)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    firsts = _name_pools(read_tsv(NAMES_DATA, "first_names.tsv"), by_gender=True)
    lasts = _name_pools(read_tsv(NAMES_DATA, "surnames.tsv"), by_gender=False)
    locales = tuple(loc for loc in LOCALE_WEIGHTS if loc in lasts and (loc, "f") in firsts and (loc, "m") in firsts)
    municipalities = []
    for row in read_tsv(MUNICIPALITIES_DATA, "municipalities.tsv"):
        name = row["name"].strip()
        official = (row.get("official_name") or "").strip() or f"{genitive(name)} kommun"
        stem = official_stem(official)
        municipalities.append(
            MunicipalityEntry(
                name=name,
                genitive=stem if stem is not None else genitive(name),
                official=official,
                is_stad=official.lower().endswith(" stad"),
                needs_suffix=stem is None,
                county_code=(row.get("county_code") or "").strip(),
                county=(row.get("county") or "").strip(),
                familjen_helsingborg=(row.get("familjen_helsingborg") or "").strip().lower() == "yes",
            )
        )
    organisations = tuple(
        Organisation(row["name"].strip(), row["kind"].strip(), (row.get("short") or "").strip())
        for row in read_tsv(DATA, "organisations.tsv")
    )
    organisations += shared_organisations({org.name for org in organisations})
    vocabulary: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv(DATA, "vocabulary.tsv"):
        vocabulary[row["kind"].strip()].append(row["text"].strip())
    return Lexicon(
        org_shapes=tuple(read_tsv(DATA, "org_shapes.tsv")),
        first_names=firsts,
        surnames=lasts,
        locales=locales,
        locale_weights=tuple(LOCALE_WEIGHTS[loc] for loc in locales),
        municipalities=tuple(municipalities),
        organisations=organisations,
        collaborations=tuple(read_tsv(DATA, "collaborations.tsv")),
        vocabulary={kind: tuple(words) for kind, words in vocabulary.items()},
    )
