"""spaCy factory of the municipalities component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import DROP_UNVALUED, MUNICIPALITIES_MATCH_UPPERCASE, MUNICIPALITIES_POLICY
from .component import MunicipalitiesComponent


@Language.factory(
    "famhbg_municipalities",
    default_config={
        "policy": MUNICIPALITIES_POLICY,
        "drop_unvalued": DROP_UNVALUED,
        "match_uppercase": MUNICIPALITIES_MATCH_UPPERCASE,
    },
)
def create_component(
    nlp: Language, name: str, *, policy: str, drop_unvalued: bool, match_uppercase: bool
) -> MunicipalitiesComponent:
    return MunicipalitiesComponent(
        nlp, name, policy=policy, drop_unvalued=drop_unvalued, match_uppercase=match_uppercase
    )
