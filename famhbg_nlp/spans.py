"""The one routine that puts spans into ``doc.ents``: how rule spans and entities combine.

Every component that writes ``doc.ents`` goes through :func:`merge_ents`. Which side wins an
overlap is a *policy*: a registered function ``(rule span, entity) -> bool`` ("does the rule span
replace this entity?"), looked up once when a component is built (:func:`merge_policy`), never
per document. The three built-in policies (``rules``, ``longest``, ``ner``; see
:data:`famhbg_nlp.defaults.MergePolicy`) are registered in spaCy's ``misc`` registry as
``famhbg_nlp.merge_rules.v1``, ``famhbg_nlp.merge_longest.v1`` and ``famhbg_nlp.merge_ner.v1``;
a component's ``policy`` setting may also name any other function registered there.

The merge is linear in the document's length: overlaps are found through per-token arrays
(which entity owns token ``i``, which tokens an accepted span took), never by comparing spans
pairwise, so a 2 MB document with tens of thousands of entities merges in well under a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span
from spacy.util import registry

from .defaults import MERGE_POLICIES

#: ``wins(rule, entity)``: does the rule span replace the entity it overlaps?
Wins = Callable[[Span, Span], bool]
#: What a component's ``policy`` setting may be: a built-in name, a registered name, or the function.
Policy = str | Wins

T = TypeVar("T")

#: Built-in policy name -> its registered function name.
REGISTERED: dict[str, str] = {name: f"famhbg_nlp.merge_{name}.v1" for name in MERGE_POLICIES}


def _rules_win(rule: Span, ent: Span) -> bool:
    return True


def _ner_wins(rule: Span, ent: Span) -> bool:
    return False


def _longest_wins(rule: Span, ent: Span) -> bool:
    # same label: the rule's boundary; another label: the longer span, the rule on ties
    if rule.label == ent.label:
        return True
    return ent.end_char - ent.start_char <= rule.end_char - rule.start_char


@registry.misc(REGISTERED["rules"])
def rules_policy() -> Wins:
    """A rule span replaces every entity it overlaps."""
    return _rules_win


@registry.misc(REGISTERED["longest"])
def longest_policy() -> Wins:
    """A rule span replaces entities of its label and shorter-or-equal ones of other labels."""
    return _longest_wins


@registry.misc(REGISTERED["ner"])
def ner_policy() -> Wins:
    """Rule spans only fill gaps: every existing entity stays."""
    return _ner_wins


_BUILT_IN: dict[str, Wins] = {"rules": _rules_win, "longest": _longest_wins, "ner": _ner_wins}


def merge_policy(policy: Policy) -> Wins:
    """The policy function for a setting: ``"rules"``/``"longest"``/``"ner"``, the name of a function
    registered in ``spacy.util.registry.misc`` (called without arguments), or the function itself."""
    if callable(policy):
        return policy
    if policy in _BUILT_IN:  # no registry look-up (catalogue scans the entry points on every get)
        return _BUILT_IN[policy]
    name = REGISTERED.get(policy, policy)
    try:
        factory = registry.misc.get(name)
    except Exception:  # catalogue's RegistryError: not registered
        raise ValueError(
            f"Unknown merge policy {policy!r}; expected one of {', '.join(MERGE_POLICIES)} "
            "or the name of a function registered in spacy.util.registry.misc."
        ) from None
    return factory()


def longest_first(
    items: Iterable[T],
    bounds: Callable[[T], tuple[int, int]],
    *,
    rank: Callable[[T], Any] | None = None,
) -> list[T]:
    """The items that do not overlap, in order of position: ranked by ``rank`` (default: the longest,
    then the earliest), each kept unless it overlaps one kept before.

    ``bounds`` gives an item's ``[start, end)`` in token or character positions. Linear: the
    positions taken are marked in an array, so no item is compared with another.
    """
    ranked = sorted(items, key=rank or (lambda item: (bounds(item)[0] - bounds(item)[1], bounds(item)[0])))
    taken = bytearray(max((bounds(item)[1] for item in ranked), default=0))
    kept: list[tuple[int, T]] = []
    for item in ranked:
        start, end = bounds(item)
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, item))
    kept.sort(key=lambda pair: pair[0])
    return [item for _, item in kept]


def merge_ents(
    doc: Doc, spans: Iterable[Span], policy: Policy, *, entities: Iterable[Span] | None = None
) -> list[Span]:
    """Put ``spans`` into ``doc.ents`` next to ``entities`` (default: the current ``doc.ents``)
    under ``policy``; return the spans that made it, in the order they were ranked.

    ``spans`` may overlap each other: the longest (in characters) is taken first, then the earliest.
    A span is accepted when it overlaps no span accepted before and ``policy`` lets it replace every
    entity it overlaps; those entities are then dropped. ``entities`` must not overlap each other
    (as ``doc.ents``); a component that rewrites its own label passes the entities it keeps.
    """
    ents = list(doc.ents) if entities is None else list(entities)
    return merge_into(doc, spans, merge_policy(policy), ents, current=ents if entities is None else None)[0]


def merge_into(
    doc: Doc, spans: Iterable[Span], wins: Wins, ents: list[Span], *, current: list[Span] | None = None
) -> tuple[list[Span], list[Span]]:
    """:func:`merge_ents` with the policy's function and the entities as a list: returns the accepted
    spans and the entities now in ``doc.ents`` (in order), so that the caller need not read ``doc.ents``
    again (spaCy builds its spans anew on every read). ``current``: the document's entities as they are
    (``list(doc.ents)``), if known: when the merge gives the same entities, ``doc.ents`` is left alone
    (writing them back would change nothing, see :func:`same_ents`)."""
    owner = [-1] * len(doc)  # token -> index of the entity that covers it
    for k, ent in enumerate(ents):
        owner[ent.start : ent.end] = [k] * (ent.end - ent.start)
    removed = bytearray(len(ents))
    taken = bytearray(len(doc))  # tokens of accepted spans
    accepted: list[Span] = []
    for rule in sorted(spans, key=lambda s: (s.start_char - s.end_char, s.start)):
        start, end = rule.start, rule.end
        if taken.find(1, start, end) != -1:
            continue
        clashing = {k for k in owner[start:end] if k >= 0 and not removed[k]}
        if all(wins(rule, ents[k]) for k in clashing):
            for k in clashing:
                removed[k] = 1
            taken[start:end] = b"\x01" * (end - start)
            accepted.append(rule)
    kept = [ent for k, ent in enumerate(ents) if not removed[k]]
    merged = sorted(kept + accepted, key=lambda s: s.start)
    if current is None or not same_ents(doc, merged, current):
        doc.ents = merged
    return accepted, merged


def _identity(span: Span) -> tuple[int, int, int, int, int]:
    """What ``doc.ents`` keeps of an entity (and what its custom attributes are keyed by, with the offsets)."""
    return span.start, span.end, span.label, span.kb_id, span.id


def same_ents(doc: Doc, spans: list[Span], current: list[Span]) -> bool:
    """Would ``doc.ents = spans`` leave ``doc`` as it is, ``current`` being ``list(doc.ents)``? Yes when
    they are the same entities (positions, labels, knowledge-base and entity ids) and every token has its
    entity annotation (the write marks the tokens outside every span "outside", also where the
    annotation was missing)."""
    return (
        len(spans) == len(current)
        and all(_identity(a) == _identity(b) for a, b in zip(spans, current))
        and bool(doc.to_array(ENT_IOB).all())  # doc.has_annotation("ENT_IOB", require_complete=True), in C
    )
