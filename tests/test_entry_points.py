"""The package's factories and tokenizer are found by spaCy through entry points alone."""

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

FACTORIES = ["famhbg_names", "famhbg_municipalities", "famhbg_amounts", "famhbg_dates"]


@pytest.mark.parametrize("name", FACTORIES)
def test_factory_entry_point_declared(name):
    assert name in {ep.name for ep in entry_points(group="spacy_factories")}


def test_saved_pipeline_loads_with_plain_spacy_in_a_fresh_process(tmp_path):
    import famhbg_nlp

    famhbg_nlp.load().to_disk(tmp_path / "pipeline")
    code = "import spacy, sys; print(','.join(spacy.load(sys.argv[1]).pipe_names))"
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "pipeline")], capture_output=True, text=True, check=True
    )
    assert set(FACTORIES) <= set(out.stdout.strip().split(","))
