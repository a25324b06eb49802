"""Token-level tags (IOB2 out; IOB2, IOB1 and IO in) and their character offsets.

Token formats (CoNLL, Hugging Face) list only the *non-whitespace* tokens of a ``Doc``:
spaCy's whitespace tokens (``"\\n"``, a thin space inside ``700 000 kr``) carry no
tag and would be empty words for other tools. Offsets are recovered by finding the
tokens, in order, in the document text (:func:`align_tokens`), so an entity whose
tokens are separated by whitespace tokens comes back with its exact character range.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc

from ..defaults import FOREIGN_LABELS, LABELS
from .records import CorpusError


class TokenError(CorpusError):
    """A :class:`CorpusError` about the token at position ``index`` of a token list."""

    def __init__(self, message: str, *, index: int, **where) -> None:
        super().__init__(message, **where)
        self.index = index


#: Tags that mean "outside" (``0`` is how some corpora write ``O``).
OUTSIDE_TAGS = frozenset({"O", "0", "-", "_", ""})


def iob_names(labels: Iterable[str] = LABELS) -> list[str]:
    """``["O", "B-PERSON", "I-PERSON", ...]``: the tag inventory in label order."""
    names = ["O"]
    for label in labels:
        names += [f"B-{label}", f"I-{label}"]
    return names


def doc_tokens(doc: Doc) -> list[tuple[str, str, int, int]]:
    """``(text, IOB2 tag, start char, end char)`` of every non-whitespace token of ``doc``."""
    tags = {}
    for ent in doc.ents:
        first = True
        for token in ent:
            if token.is_space:
                continue
            tags[token.i] = f"{'B' if first else 'I'}-{ent.label_}"
            first = False
    return [(t.text, tags.get(t.i, "O"), t.idx, t.idx + len(t)) for t in doc if not t.is_space]


def sentence_breaks(doc: Doc) -> list[int]:
    """Indices (into :func:`doc_tokens`) where a new line of text starts outside any entity."""
    inside = {token.i for ent in doc.ents for token in ent}
    breaks = []
    n = 0
    pending = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text and token.i not in inside:
                pending = True
            continue
        if pending and n > 0:
            breaks.append(n)
        pending = False
        n += 1
    return breaks


def align_tokens(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Character offsets of ``tokens`` found in order in ``text``, only whitespace between them.

    Raises :class:`CorpusError` (with the offset) where a token is not where it should be.
    """
    offsets = []
    pos = 0
    size = len(text)
    for i, token in enumerate(tokens):
        while pos < size and text[pos].isspace():
            pos += 1
        if not token or not text.startswith(token, pos):
            found = text[pos : pos + max(len(token), 1) + 10]
            raise TokenError(
                f"token #{i} {token!r} is not in the text here (the text has {found!r})", index=i, offset=pos
            )
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    if text[pos:].strip():
        raise CorpusError(f"the text goes on after the last token: {text[pos : pos + 30]!r}", offset=pos)
    return offsets


def join_tokens(sentences: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """A text rebuilt from tokens alone: tokens joined by a space, sentences by a newline.

    Returns the text and, per sentence, the character offsets of its tokens (for token
    corpora that carry no text of their own).
    """
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for s, sentence in enumerate(sentences):
        found = []
        for t, token in enumerate(sentence):
            sep = ("\n" if s else "") if t == 0 else " "
            parts += [sep, token]
            pos += len(sep)
            found.append((pos, pos + len(token)))
            pos += len(token)
        offsets.append(found)
    return "".join(parts), offsets


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PER"`` -> ``("B", "PER")``; ``"PER"`` -> ``("", "PER")`` (IO); ``"O"`` -> ``("O", None)``."""
    if tag in OUTSIDE_TAGS:
        return "O", None
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESLU":
        return {"L": "E", "U": "S"}.get(tag[0], tag[0]), tag[2:]
    return "", tag


def map_label(label: str, label_map: Mapping[str, str | None] | None) -> str | None:
    """A scheme label for ``label``; ``None`` to drop it. Unknown labels raise :class:`CorpusError`."""
    if label in LABELS:
        return label
    table = FOREIGN_LABELS if label_map is None else label_map
    if label in table:
        return table[label]
    raise CorpusError(f"unknown label {label!r} (known: {', '.join(LABELS)}; mapped: {', '.join(sorted(table))})")


def decode_tags(
    tags: Sequence[str],
    offsets: Sequence[tuple[int, int]],
    *,
    label_map: Mapping[str, str | None] | None = None,
) -> list[tuple[int, int, str]]:
    """Entities ``(start, end, label)`` from token tags and token offsets.

    ``B-X`` starts an entity; ``I-X`` (and ``E-X``) continues one of label ``X`` or starts
    one (IOB1, a stray ``I``); a bare ``X`` continues a preceding ``X`` (IO: consecutive
    tokens with the same tag are one entity); ``S-X`` is a one-token entity (BIOES; BILUO's
    ``L``/``U`` read as ``E``/``S``). Labels go
    through :func:`map_label`: foreign ones (``PER``) are renamed or dropped (``LOC``).
    """
    if len(tags) != len(offsets):
        raise CorpusError(f"{len(tags)} tags for {len(offsets)} tokens")
    entities: list[list] = []
    previous: str | None = None
    for i, (tag, (start, end)) in enumerate(zip(tags, offsets)):
        prefix, label = split_tag(tag)
        if label is None:
            previous = None
            continue
        try:
            mapped = map_label(label, label_map)
        except CorpusError as err:
            raise TokenError(f"token #{i}: {err.message}", index=i, offset=start) from None
        continues = previous == label and prefix in ("I", "E", "")
        if continues:
            entities[-1][1] = end
        else:
            entities.append([start, end, mapped])
        previous = None if prefix in ("E", "S") else label
    return [(start, end, label) for start, end, label in entities if label is not None]
