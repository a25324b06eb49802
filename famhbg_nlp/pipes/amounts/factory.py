"""spaCy factory of the amounts component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import AMOUNTS_POLICY
from .component import AmountsComponent


@Language.factory("famhbg_amounts", default_config={"policy": AMOUNTS_POLICY})
def create_component(nlp: Language, name: str, *, policy: str) -> AmountsComponent:
    return AmountsComponent(nlp, name, policy=policy)
