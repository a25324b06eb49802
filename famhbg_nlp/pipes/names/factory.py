"""spaCy factory of the names component.

Registered under ``famhbg_names`` when this module is imported (and, once declared, through the
``spacy_factories`` entry point ``famhbg_names = "famhbg_nlp.pipes.names.factory:create_component"``).
"""

from __future__ import annotations

from spacy.language import Language

from ...defaults import NAMES_EVIDENCE, NAMES_EXTEND, NAMES_LABEL, NAMES_SPLIT, NAMES_TRIM_PLACES
from .component import NamesComponent


@Language.factory(
    "famhbg_names",
    default_config={
        "label": NAMES_LABEL,
        "extend": NAMES_EXTEND,
        "split": NAMES_SPLIT,
        "trim_places": NAMES_TRIM_PLACES,
        "evidence": NAMES_EVIDENCE,
    },
)
def create_component(
    nlp: Language, name: str, *, label: str, extend: bool, split: bool, trim_places: bool, evidence: bool
) -> NamesComponent:
    return NamesComponent(
        nlp, name, label=label, extend=extend, split=split, trim_places=trim_places, evidence=evidence
    )
