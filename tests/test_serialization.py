"""One serialization contract for every rule component (:mod:`famhbg_nlp.serialization`).

The last test is the one that matters to a user who ships a pipeline: saved, then loaded by a
copy of the package whose data files have been moved away, it still finds the same entities.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import famhbg_nlp
from famhbg_nlp.serialization import table_key

#: Every rule component, with a table whose change is visible in its output.
COMPONENTS = ["famhbg_orgs", "famhbg_names", "famhbg_municipalities", "famhbg_amounts", "famhbg_dates"]

TEXT = (
    "Protokoll fört vid sammanträde med kommunstyrelsen i Bjuvs kommun den 3 mars 2021.\n"
    "Närvarande: ordförande Anna Lindqvist (S); Per Olof Ström (M).\n"
    "Länsstyrelsen i Skåne län och Trafikverket har yttrat sig.\n"
    "Kommunstyrelsen beviljar 1 500 tkr till projektet den 12 april 2021. Dnr 210301.\n"
)


def _component(name: str):
    return spacy.blank("sv").add_pipe(name)


def _ents(doc) -> list[tuple[str, str, str]]:
    return [(e.label_, e.text, json.dumps(e._.value, sort_keys=True, default=str)) for e in doc.ents]


@pytest.mark.parametrize("name", COMPONENTS)
def test_declares_its_tables(name: str):
    component = _component(name)
    tables = component.get_tables() if component.table_files else {}
    assert set(tables) == set(component.table_files)
    assert component.table_files, f"{name} saves nothing"


@pytest.mark.parametrize("name", COMPONENTS)
def test_disk_round_trip(name: str, tmp_path: Path):
    component = _component(name)
    component.to_disk(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(component.table_files)
    loaded = _component(name).from_disk(tmp_path)
    assert loaded.get_tables() == component.get_tables()


@pytest.mark.parametrize("name", COMPONENTS)
def test_bytes_round_trip(name: str):
    component = _component(name)
    loaded = _component(name).from_bytes(component.to_bytes())
    assert loaded.get_tables() == component.get_tables()


@pytest.mark.parametrize("name", COMPONENTS)
def test_exclude_leaves_a_table_out_and_keeps_the_current_one(name: str, tmp_path: Path):
    component = _component(name)
    first = component.table_files[0]
    component.to_disk(tmp_path, exclude=[table_key(first)])
    assert not (tmp_path / first).exists()
    assert all((tmp_path / other).is_file() for other in component.table_files[1:])
    loaded = _component(name).from_disk(tmp_path, exclude=[table_key(first)])
    assert loaded.get_tables() == component.get_tables()
    data = component.to_bytes(exclude=[table_key(first)])
    assert _component(name).from_bytes(data, exclude=[table_key(first)]).get_tables() == component.get_tables()


@pytest.mark.parametrize("name", COMPONENTS)
def test_a_missing_table_is_a_clear_error(name: str, tmp_path: Path):
    component = _component(name)
    component.to_disk(tmp_path)
    missing = component.table_files[-1]
    (tmp_path / missing).unlink()
    with pytest.raises(ValueError, match=rf"{tmp_path}.*{name}.*{missing}"):
        _component(name).from_disk(tmp_path)
    with pytest.raises(ValueError, match=rf"{name}.*{component.table_files[0]}"):
        _component(name).from_bytes(component.to_bytes(exclude=[table_key(component.table_files[0])]))


def test_a_saved_change_travels_with_the_pipeline(tmp_path: Path):
    nlp = famhbg_nlp.blank()
    municipalities = nlp.add_pipe("famhbg_municipalities")
    municipalities.add_municipalities([{"code": "9999", "name": "Påhittby", "county": "Skåne län"}])
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert [e.text for e in loaded("Påhittby kommun har yttrat sig.").ents] == ["Påhittby kommun"]
    assert not [e for e in famhbg_nlp.blank().add_pipe("famhbg_municipalities").gazetteer.municipalities if e == "9999"]


#: Data files of what the rule components know; the saved pipeline must not need them. (The closed
#: classes of the language, months, weekdays, money units, number words and parties, are part of
#: the code's patterns and stay.)
KNOWLEDGE_FILES = [
    "lexicon/data/localities.tsv",
    "lexicon/data/organisations.tsv",
    "lexicon/data/org_words.tsv",
    "pipes/amounts/false_positives.tsv",
    "pipes/dates/false_positives.tsv",
    "pipes/municipalities/data/ambiguous.tsv",
    "pipes/municipalities/data/exclusions.tsv",
    "pipes/municipalities/data/municipalities.tsv",
    "pipes/names/data/first_names.tsv",
    "pipes/names/data/roles.tsv",
    "pipes/names/data/surnames.tsv",
]

LOAD_AND_RUN = """
import json, sys
import spacy
import famhbg_nlp
assert famhbg_nlp.__file__.startswith(sys.argv[1]), famhbg_nlp.__file__
nlp = spacy.load(sys.argv[2])
doc = nlp(sys.argv[3])
print(json.dumps([(e.label_, e.text, json.dumps(e._.value, sort_keys=True, default=str)) for e in doc.ents]))
"""


def test_a_saved_pipeline_loads_without_the_package_data(tmp_path: Path):
    """Save, move the package data away, load: the same entities with the same values."""
    nlp = famhbg_nlp.blank()
    # a stand-in for the NER: the names component trims the role off using its roles table
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "PERSON", "pattern": [{"LOWER": "ordförande"}, {"TEXT": "Anna"}, {"TEXT": "Lindqvist"}]}]
    )
    for name in COMPONENTS:
        nlp.add_pipe(name)
    expected = _ents(nlp(TEXT))
    assert {label for label, _, _ in expected} == {"PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT"}
    assert ("PERSON", "Anna Lindqvist") in [(label, text) for label, text, _ in expected]
    nlp.to_disk(tmp_path / "pipeline")

    package = tmp_path / "copy" / "famhbg_nlp"
    shutil.copytree(Path(famhbg_nlp.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__", "models"))
    for relative in KNOWLEDGE_FILES:
        (package / relative).unlink()  # a file that is not there fails the test: the list is kept true
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    result = subprocess.run(
        [sys.executable, "-c", LOAD_AND_RUN, str(package), str(tmp_path / "pipeline"), TEXT],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert [tuple(e) for e in json.loads(result.stdout)] == expected
