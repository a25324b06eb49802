"""Lazy imports: spaCy only when a pipeline is needed, torch only for a transformer pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from famhbg_nlp import _torch

CONFIGS = Path(__file__).resolve().parents[2] / "configs"


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_import_and_version_do_not_import_spacy():
    out = _run(
        "import sys, famhbg_nlp, famhbg_nlp.cli\n"
        "print(famhbg_nlp.__version__ != '', 'spacy' in sys.modules, 'torch' in sys.modules)"
    )
    assert out == "True False False"


def test_shipped_pipeline_runs_without_torch_and_a_transformer_gets_it():
    pytest.importorskip("spacy_transformers", reason="the trf extra")
    out = _run(
        "import sys, numpy, famhbg_nlp\n"
        "doc = famhbg_nlp.load()('Närvarande: Anna Berg, Båstad, den 5 april 2021.')\n"
        "print({'DATE', 'MUNICIPALITY'} <= {e.label_ for e in doc.ents}, 'torch' in sys.modules, 'spacy_transformers' in sys.modules)\n"
        # a transformer component afterwards: spaCy imports spacy_transformers, which brings torch back
        "import spacy, thinc.compat, thinc.shims.pytorch\n"
        "spacy.blank('sv').add_pipe('transformer')\n"
        "import torch\n"
        "from thinc.api import PyTorchWrapper\n"
        "model = PyTorchWrapper(torch.nn.Linear(2, 3))\n"
        "print(thinc.compat.has_torch, thinc.shims.pytorch.torch is torch, model.predict(numpy.ones((4, 2), 'f')).shape)"
    )
    assert out.splitlines() == [
        "True False False",
        "True True (4, 3)",
    ]


@pytest.mark.parametrize(("config", "expected"), [("trf.cfg", True), ("cnn.cfg", False)], ids=["trf", "cnn"])
def test_needs_torch_reads_the_config(config, expected):
    from spacy.util import load_config

    assert _torch.needs_torch(load_config(CONFIGS / config)) is expected
