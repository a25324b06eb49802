"""spaCy factory of the dates component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import DATES_POLICY
from .component import DatesComponent


@Language.factory("famhbg_dates", default_config={"policy": DATES_POLICY})
def create_component(nlp: Language, name: str, *, policy: str) -> DatesComponent:
    return DatesComponent(nlp, name, policy=policy)
