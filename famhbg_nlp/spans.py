"""How rule spans and the trained NER's entities combine in ``doc.ents``.

The policy is a component setting (see :data:`famhbg_nlp.defaults.MergePolicy`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .defaults import MERGE_POLICIES


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _rule_wins(rule: Span, ent: Span, policy: str) -> bool:
    if policy == "rules":
        return True
    if policy == "ner":
        return False
    # "longest": same label -> the rule's boundary; other label -> the longer span,
    # the rule on ties.
    if rule.label == ent.label:
        return True
    return len(ent.text) <= len(rule.text)


def merge_ents(doc: Doc, spans: Iterable[Span], policy: str) -> list[Span]:
    """Put ``spans`` into ``doc.ents`` under ``policy``; return the spans that made it.

    Rule spans are first made non-overlapping among themselves (longest first).
    """
    if policy not in MERGE_POLICIES:
        raise ValueError(f"Unknown merge policy {policy!r}; expected one of {', '.join(MERGE_POLICIES)}.")
    ents = list(doc.ents)
    accepted: list[Span] = []
    for rule in sorted(spans, key=lambda s: (-(s.end_char - s.start_char), s.start)):
        if any(_overlaps(rule, other) for other in accepted):
            continue
        clashing = [ent for ent in ents if _overlaps(rule, ent)]
        if all(_rule_wins(rule, ent, policy) for ent in clashing):
            ents = [ent for ent in ents if ent not in clashing]
            accepted.append(rule)
    doc.ents = sorted(ents + accepted, key=lambda s: s.start)
    return accepted
