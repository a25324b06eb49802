"""spaCy factory of the dates component (registered through the ``spacy_factories`` entry point)."""

from __future__ import annotations

from spacy.language import Language

from ...defaults import CENTURY_PIVOT, DATES_POLICY, DROP_UNVALUED, MEETING_DATE_HEAD_CHARS, MEETING_DATE_LABEL_CHARS
from .component import DatesComponent


@Language.factory(
    "famhbg_dates",
    default_config={
        "policy": DATES_POLICY,
        "drop_unvalued": DROP_UNVALUED,
        "century_pivot": CENTURY_PIVOT,
        "meeting_date_head_chars": MEETING_DATE_HEAD_CHARS,
        "meeting_date_label_chars": MEETING_DATE_LABEL_CHARS,
    },
)
def create_component(
    nlp: Language,
    name: str,
    *,
    policy: str,
    drop_unvalued: bool,
    century_pivot: int,
    meeting_date_head_chars: int,
    meeting_date_label_chars: int,
) -> DatesComponent:
    return DatesComponent(
        nlp,
        name,
        policy=policy,
        drop_unvalued=drop_unvalued,
        century_pivot=century_pivot,
        meeting_date_head_chars=meeting_date_head_chars,
        meeting_date_label_chars=meeting_date_label_chars,
    )
