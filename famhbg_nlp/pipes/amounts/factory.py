"""spaCy factory of the amounts component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import AMOUNTS_POLICY, AMOUNTS_RANGES, AMOUNTS_UNIT_FIRST, DROP_UNVALUED
from .component import AmountsComponent


@Language.factory(
    "famhbg_amounts",
    default_config={
        "policy": AMOUNTS_POLICY,
        "drop_unvalued": DROP_UNVALUED,
        "ranges": AMOUNTS_RANGES,
        "unit_first": AMOUNTS_UNIT_FIRST,
    },
)
def create_component(
    nlp: Language, name: str, *, policy: str, drop_unvalued: bool, ranges: bool, unit_first: bool
) -> AmountsComponent:
    return AmountsComponent(nlp, name, policy=policy, drop_unvalued=drop_unvalued, ranges=ranges, unit_first=unit_first)
