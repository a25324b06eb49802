"""Shared behaviour of the rule components.

A rule component finds candidate spans of one label, gives each a typed value,
merges them into ``doc.ents`` under its merge policy, keeps all its matches in
``doc.spans[name]`` for inspection, and finally gives a value to every entity
of its label that has none yet (e.g. spans proposed by the trained NER).
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..labels import get_label
from ..spans import Policy, merge_into, merge_policy


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document for all the rule components.

    spaCy joins the text from the tokens on every ``doc.text`` (0.3 s for a 2 MB document); a
    document's text never changes (the retokenizer keeps it), so it is built once, from the token
    strings of :func:`tokens`, and kept with them.
    """
    return tokens(doc).doc_text


class Tokens:
    """The strings of a document's tokens, read once for all the rule components.

    ``doc[i]`` makes a new ``Token`` object on every call (and ``token.text`` a new string); the
    components' per-token loops read these lists instead: ``text[i]`` is ``doc[i].text``, ``ws[i]``
    ``doc[i].whitespace_``, ``space[i]`` ``doc[i].is_space``.
    """

    __slots__ = ("text", "ws", "space", "_lower", "_doc_text", "_starts", "_memos")

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        orth_space = doc.to_array([ORTH, SPACY])  # no Token object per token (Token.text is strings[orth])
        self.text: list[str] = [strings[orth] for orth in orth_space[:, 0].tolist()]
        self.ws: list[str] = [" " if s else "" for s in orth_space[:, 1].tolist()]
        self.space: list[bool] = list(map(str.isspace, self.text))  # Token.is_space is str.isspace
        self._lower: frozenset[str] | None = None
        self._doc_text: str | None = None
        self._starts: list[int] | None = None
        self._memos: dict[str, dict[Any, Any]] = {}

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if end - start == 1:
            return self.text[start]
        text, ws = self.text, self.ws
        return "".join([text[i] + ws[i] for i in range(start, end - 1)]) + text[end - 1] if end > start else ""

    def memo(self, name: str) -> dict[Any, Any]:
        """A dict a component keeps answers about this document in (``name``: whose, and of what)."""
        found = self._memos.get(name)
        if found is None:
            found = self._memos[name] = {}
        return found

    @property
    def starts(self) -> list[int]:
        """``starts[i]`` is ``doc[i].idx``, the offset of token ``i`` in the text; one more at the end."""
        if self._starts is None:
            self._starts = list(accumulate(map(len, map(operator.add, self.text, self.ws)), initial=0))
        return self._starts

    @property
    def doc_text(self) -> str:
        """``doc.text``: every token's text and whitespace."""
        if self._doc_text is None:
            self._doc_text = "".join(map(operator.add, self.text, self.ws))
        return self._doc_text

    @property
    def lower_words(self) -> frozenset[str]:
        """The words the document writes in lower case: a capitalised word among them is a common word
        (``Riktlinjer`` next to ``riktlinjer``). Kept here, never in ``doc.user_data`` (serialized with it)."""
        if self._lower is None:
            self._lower = frozenset(t for t in self.text if t[:1].islower())
        return self._lower


#: The last document whose :class:`Tokens` :func:`tokens` read, and those.
_last_tokens: tuple[weakref.ref[Doc], Tokens] | None = None


def tokens(doc: Doc) -> Tokens:
    """The :class:`Tokens` of ``doc``, read once per document: a document's tokens never change between
    the components. They are kept beside the last document, with a weak reference to it, so that the
    cache neither keeps the document alive nor serves the tokens of another one."""
    global _last_tokens
    last = _last_tokens
    if last is not None and last[0]() is doc:
        return last[1]
    found = Tokens(doc)
    _last_tokens = (weakref.ref(doc), found)
    return found


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
        current = list(doc.ents)
        merged_spans, ents = merge_into(doc, spans, self.merge, current, current=current)
        accepted = {(s.start, s.end) for s in merged_spans}
        kept = []
        for ent in ents:
            if ent.label_ == self.label and (ent.start, ent.end) not in accepted and getattr(ent._, self.attr) is None:
                value = self.value_of(ent, **kwargs)
                if value is None and self.drop_unvalued:
                    continue
                setattr(ent._, self.attr, value)
            kept.append(ent)
        if len(kept) != len(ents):
            doc.ents = kept
        return doc
