"""spaCy factory of the municipalities component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import MUNICIPALITIES_MATCH_UPPERCASE, MUNICIPALITIES_POLICY
from .component import MunicipalitiesComponent


@Language.factory(
    "famhbg_municipalities",
    default_config={"policy": MUNICIPALITIES_POLICY, "match_uppercase": MUNICIPALITIES_MATCH_UPPERCASE},
)
def create_component(nlp: Language, name: str, *, policy: str, match_uppercase: bool) -> MunicipalitiesComponent:
    return MunicipalitiesComponent(nlp, name, policy=policy, match_uppercase=match_uppercase)
