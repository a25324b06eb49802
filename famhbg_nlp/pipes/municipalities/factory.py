"""spaCy factory of the municipalities component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import MUNICIPALITIES_POLICY
from .component import MunicipalitiesComponent


@Language.factory("famhbg_municipalities", default_config={"policy": MUNICIPALITIES_POLICY})
def create_component(nlp: Language, name: str, *, policy: str) -> MunicipalitiesComponent:
    return MunicipalitiesComponent(nlp, name, policy=policy)
