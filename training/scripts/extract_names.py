"""Extract Swedish and foreign-origin first names and surnames from Faker into packaged TSVs.

Writes ``famhbg_nlp/pipes/names/data/first_names.tsv`` and ``surnames.tsv`` (columns
``name``, ``source``, ``gender``, ``weight``). Faker (MIT) is a runtime dependency, so the
source is installable and the extraction can be re-run and diffed:

    python training/scripts/extract_names.py [--output-dir DIR]

* ``sv_SE`` comes first and keeps Faker's frequency weights; every other locale is a
  source of names of foreign origin that are common in Sweden.
* Only Latin script is kept. Cyrillic locales are transliterated (Swedish style for
  Russian/Ukrainian, South Slavic Latin for Macedonian); Arabic- and Persian-script
  locales are skipped because their names cannot be vocalised reliably; Latin-script
  spellings of those names come from ``sv_SE``, ``fr_DZ`` and ``en_PK``.
* Names written with letters Swedish texts often drop (``ć``, ``š``, ``ş`` ...) also get an
  ASCII-folded variant (``Jović`` -> ``Jovic``), source ``<locale>:ascii``.
* A name is listed once, under the first locale that has it.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import re
import unicodedata
from pathlib import Path

import faker

#: (locale, transliteration) in priority order; ``None`` = Latin script already.
LOCALES: tuple[tuple[str, str | None], ...] = (
    ("sv_SE", None),
    ("da_DK", None),
    ("no_NO", None),
    ("fi_FI", None),
    ("et_EE", None),
    ("de_DE", None),
    ("pl_PL", None),
    ("lt_LT", None),
    ("hu_HU", None),
    ("ro_RO", None),
    ("hr_HR", None),
    ("sl_SI", None),
    ("mk_MK", "south_slavic"),
    ("ru_RU", "swedish"),
    ("uk_UA", "swedish"),
    ("tr_TR", None),
    ("fr_DZ", None),
    ("en_PK", None),
    ("en_KE", None),
    ("es_CL", None),
)

#: Letters Swedish keeps (``åäöéü``) are not folded; everything else outside ASCII is.
KEEP = set("åäöÅÄÖéÉüÜ")

_SWEDISH = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "jo",
    "ж": "zj",
    "з": "z",
    "и": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "ch",
    "ц": "ts",
    "ч": "tj",
    "ш": "sj",
    "щ": "sjtj",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    # Ukrainian
    "і": "i",
    "ї": "ji",
    "є": "je",
    "ґ": "g",
    "'": "",
    "’": "",
}
_SOUTH_SLAVIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ѓ": "đ",
    "е": "e",
    "ж": "ž",
    "з": "z",
    "ѕ": "dz",
    "и": "i",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ќ": "ć",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "џ": "dž",
    "ш": "š",
}
TABLES = {"swedish": _SWEDISH, "south_slavic": _SOUTH_SLAVIC}

LATIN_NAME = re.compile(r"^[^\W\d_]+(?:[-' ][^\W\d_]+)*$")


def transliterate(name: str, table: dict[str, str]) -> str:
    out = []
    for char in name:
        low = char.lower()
        mapped = table.get(low, char)
        out.append(mapped.capitalize() if char != low and mapped else mapped)
    return "".join(out)


def is_latin(name: str) -> bool:
    return bool(LATIN_NAME.match(name)) and all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def fold(name: str) -> str:
    """``Jović`` -> ``Jovic``; Swedish letters stay."""
    out = []
    for char in name:
        if char in KEEP or char.isascii():
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in base if not unicodedata.combining(c)) or char)
    return "".join(out).replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")


def _names(provider: object, attrs: tuple[str, ...]) -> list[tuple[str, str, float]]:
    """(name, gender, weight) from the provider attributes that exist."""
    rows: list[tuple[str, str, float]] = []
    for attr in attrs:
        values = getattr(provider, attr, None)
        if not values:
            continue
        gender = "f" if "female" in attr else "m" if "male" in attr else ""
        items = values.items() if isinstance(values, dict) else ((v, 1.0) for v in values)
        rows.extend((name, gender, float(weight)) for name, weight in items)
    return rows


FIRST_ATTRS = ("first_names_female", "first_names_male", "first_names")
LAST_ATTRS = ("last_names", "last_names_male", "last_names_female", "male_last_names", "unisex_last_names")


def extract() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    firsts: dict[str, dict[str, str]] = {}
    lasts: dict[str, dict[str, str]] = {}
    for locale, scheme in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider(faker.Generator())
        for attrs, store in ((FIRST_ATTRS, firsts), (LAST_ATTRS, lasts)):
            for raw, gender, weight in _names(provider, attrs):
                name = raw.strip()
                if scheme is not None:
                    name = transliterate(name, TABLES[scheme])
                if not is_latin(name) or len(name) < 2 or name in ("Doe",):
                    continue
                variants = [(name, locale)]
                folded = fold(name)
                if folded != name and is_latin(folded):
                    variants.append((folded, f"{locale}:ascii"))
                for variant, source in variants:
                    row = store.get(variant)
                    if row is None:
                        store[variant] = {
                            "name": variant,
                            "source": source,
                            "gender": gender,
                            "weight": f"{weight:.6g}",
                        }
                    elif row["source"] == source and row["gender"] and gender and row["gender"] != gender:
                        row["gender"] = ""  # unisex within the locale
    return list(firsts.values()), list(lasts.values())


def write(rows: list[dict[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            f"# Extracted from Faker {faker.VERSION} person providers by training/scripts/extract_names.py; see SOURCE.md\n"
        )
        writer = csv.DictWriter(
            handle, fieldnames=["name", "source", "gender", "weight"], delimiter="\t", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=Path("famhbg_nlp/pipes/names/data"))
    args = parser.parse_args()
    firsts, lasts = extract()
    write(firsts, args.output_dir / "first_names.tsv")
    write(lasts, args.output_dir / "surnames.tsv")
    print(f"Faker {faker.VERSION}: {len(firsts)} first names, {len(lasts)} surnames -> {args.output_dir}")


if __name__ == "__main__":
    main()
