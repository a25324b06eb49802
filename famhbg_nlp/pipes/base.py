"""Shared behaviour of the rule components.

A rule component finds candidate spans of one label, gives each a typed value,
merges them into ``doc.ents`` under its merge policy, keeps all its matches in
``doc.spans[name]`` for inspection, and finally gives a value to every entity
of its label that has none yet (e.g. spans proposed by the trained NER).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..labels import get_label
from ..spans import Policy, merge_ents, merge_policy

#: The last document whose text :func:`doc_text` built, and that text.
_last_text: tuple[weakref.ref[Doc], str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document for all the rule components.

    spaCy joins the text from the tokens on every ``doc.text`` (0.3 s for a 2 MB document); a
    document's text never changes (the retokenizer keeps it), so the last one built is kept,
    with a weak reference to its document so that the cache neither keeps it alive nor serves
    the text of another document.
    """
    global _last_text
    last = _last_text
    if last is not None and last[0]() is doc:
        return last[1]
    text = doc.text
    _last_text = (weakref.ref(doc), text)
    return text


#: The last document whose lower-case words :func:`lower_words` collected, and those words.
_last_lower: tuple[weakref.ref[Doc], frozenset[str]] | None = None


def lower_words(doc: Doc) -> frozenset[str]:
    """The words ``doc`` writes in lower case (a capitalised word among them is a common word: ``Riktlinjer``
    next to ``riktlinjer``), collected once per document for the names and organisations components.
    Kept beside the document, never in ``doc.user_data`` (which is serialized with it)."""
    global _last_lower
    last = _last_lower
    if last is not None and last[0]() is doc:
        return last[1]
    words = frozenset(t.text for t in doc if t.text[:1].islower())
    _last_lower = (weakref.ref(doc), words)
    return words


class RuleComponent:
    """Base class: subclasses implement :meth:`find` and :meth:`value_of`.

    ``policy`` is resolved to its function once, here (:func:`~famhbg_nlp.spans.merge_policy`; an
    unknown name is a ``ValueError`` when the pipeline is built). ``drop_unvalued`` removes entities
    of the label that came from elsewhere (the NER) and that :meth:`value_of` cannot resolve.
    """

    label: str = ""

    def __init__(self, nlp: Language, name: str, *, policy: Policy, drop_unvalued: bool) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.policy = policy
        self.merge = merge_policy(policy)
        self.drop_unvalued = drop_unvalued
        attr = get_label(self.label).attr
        if attr is None:
            raise ValueError(f"{name}: label {self.label} has no value attribute; a rule component gives values.")
        self.attr = attr

    def ensure_tables(self) -> None:
        """Load what the component knows before it is used (see :mod:`famhbg_nlp.serialization`)."""

    def find(self, doc: Doc, **kwargs: Any) -> Iterable[tuple[Span, Any]]:
        """Yield ``(span, typed value or None)`` for every match in ``doc``."""
        raise NotImplementedError

    def value_of(self, span: Span, **kwargs: Any) -> Any:
        """Typed value of an entity found by someone else (the NER), or ``None``."""
        raise NotImplementedError

    def __call__(self, doc: Doc, **kwargs: Any) -> Doc:
        self.ensure_tables()
        found = list(self.find(doc, **kwargs))
        spans = [span for span, _ in found]
        doc.spans[self.name] = spans
        for span, value in found:
            setattr(span._, self.attr, value)
        accepted = {(s.start, s.end) for s in merge_ents(doc, spans, self.merge)}
        kept = []
        for ent in doc.ents:
            if ent.label_ == self.label and (ent.start, ent.end) not in accepted and getattr(ent._, self.attr) is None:
                value = self.value_of(ent, **kwargs)
                if value is None and self.drop_unvalued:
                    continue
                setattr(ent._, self.attr, value)
            kept.append(ent)
        if len(kept) != len(doc.ents):
            doc.ents = kept
        return doc
