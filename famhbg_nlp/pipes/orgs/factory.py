"""spaCy factory of the organisations component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import ORGS_ACRONYMS, ORGS_DROP_UNSUPPORTED
from .component import OrgsComponent


@Language.factory(
    "famhbg_orgs",
    default_config={"drop_unsupported": ORGS_DROP_UNSUPPORTED, "acronyms": ORGS_ACRONYMS},
)
def create_component(nlp: Language, name: str, *, drop_unsupported: bool, acronyms: bool) -> OrgsComponent:
    return OrgsComponent(nlp, name, drop_unsupported=drop_unsupported, acronyms=acronyms)
