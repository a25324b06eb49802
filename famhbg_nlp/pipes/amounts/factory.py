"""spaCy factory of the amounts component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import AMOUNTS_POLICY, AMOUNTS_RANGES, AMOUNTS_UNIT_FIRST
from .component import AmountsComponent


@Language.factory(
    "famhbg_amounts",
    default_config={"policy": AMOUNTS_POLICY, "ranges": AMOUNTS_RANGES, "unit_first": AMOUNTS_UNIT_FIRST},
)
def create_component(
    nlp: Language, name: str, *, policy: str, ranges: bool, unit_first: bool
) -> AmountsComponent:
    return AmountsComponent(nlp, name, policy=policy, ranges=ranges, unit_first=unit_first)
