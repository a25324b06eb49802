"""Building and loading pipelines."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from . import _torch
from .defaults import LANG, RULE_PIPES, TOKENIZER
from .extensions import register_extensions
from .tokenizer import speed_up

#: Package that holds the shipped trained pipeline (a spaCy model directory named ``model``).
MODEL_PACKAGE = "famhbg_nlp.models"
MODEL_DIR = "model"


def blank() -> Language:
    """An empty Swedish pipeline with the project tokenizer."""
    register_extensions()
    with _torch.factories_without_torch():
        return spacy.blank(LANG, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


def rules_pipeline() -> Language:
    """Tokenizer plus the rule components, no trained model."""
    nlp = blank()
    for name in RULE_PIPES:
        nlp.add_pipe(name)
    return nlp


def shipped_model_path() -> Path | None:
    """Directory of the trained pipeline shipped inside the package, if there is one."""
    try:
        path = resources.files(MODEL_PACKAGE).joinpath(MODEL_DIR)
    except ModuleNotFoundError:
        return None
    path = Path(str(path))
    return path if (path / "config.cfg").is_file() else None


#: Names :func:`load` takes besides a directory (the CLI's ``--model`` values).
SHIPPED = "shipped"
RULES = "rules"


def load(path: str | Path | None = None) -> Language:
    """Load a pipeline: the directory ``path``; ``"rules"`` (:func:`rules_pipeline`); ``"shipped"``
    or ``None``: the trained one shipped in the package, else the rule pipeline."""
    register_extensions()
    if path == RULES:
        return rules_pipeline()
    if path is not None and path != SHIPPED:
        return _load_dir(path)
    shipped = shipped_model_path()
    return with_rule_pipes(_load_dir(shipped)) if shipped is not None else rules_pipeline()


def _load_dir(path: str | Path) -> Language:
    """``spacy.load(path)``; torch is imported only if the pipeline's config needs it."""
    config_file = Path(path) / "config.cfg"
    if not config_file.is_file():  # a package name, or an error spacy.load words best
        return spacy.load(path)
    config = spacy.util.load_config(config_file)
    with _torch.factories_without_torch(config):
        nlp = spacy.load(path)
    if config["nlp"]["tokenizer"].get("@tokenizers") == TOKENIZER:
        speed_up(nlp.tokenizer, nlp.Defaults)  # the saved patterns, compiled as spaCy wrote them: the fast form
    return nlp


def with_rule_pipes(nlp: Language) -> Language:
    """Add the rule components of :data:`RULE_PIPES` that ``nlp`` lacks, in their order (a shipped
    model trained before a component existed still runs every rule component)."""
    for i, name in enumerate(RULE_PIPES):
        if name in nlp.pipe_names:
            continue
        after = [n for n in RULE_PIPES[i + 1 :] if n in nlp.pipe_names]
        if after:
            nlp.add_pipe(name, before=after[0])
        else:
            nlp.add_pipe(name)
    return nlp
