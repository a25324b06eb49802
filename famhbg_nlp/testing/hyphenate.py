"""Where a typesetter may break a Swedish word: before the last consonant ahead of a vowel.

Good enough for test material (``uppfölj-ning``, ``verksam-hets-pla-nen``); the reader
never uses it, it has to cope with whatever breaks a layout made.
"""

from __future__ import annotations

VOWELS = frozenset("aeiouyåäöéAEIOUYÅÄÖÉ")


def break_points(word: str, *, min_left: int = 3, min_right: int = 3) -> list[int]:
    """Offsets in ``word`` where it may be broken (only in words of letters)."""
    if not word.isalpha() or len(word) < min_left + min_right:
        return []
    points = []
    for i in range(2, len(word) - 1):
        if word[i] in VOWELS or word[i + 1] not in VOWELS:
            continue
        # a consonant before a vowel starts a syllable, with an l or r the one before it too (pla, tre)
        start = i - 1 if word[i] in "lr" and word[i - 1] in "bdfgkpt" else i
        if min_left <= start <= len(word) - min_right and any(ch in VOWELS for ch in word[:start]):
            points.append(start)
    return sorted(set(points))


def soft_hyphenate(text: str, *, min_length: int = 10) -> str:
    """``text`` with soft hyphens (U+00AD) at the break points of its long words."""
    out = []
    for token in text.split(" "):
        core = token.strip(".,;:()”\"'")
        if len(core) >= min_length and core.isalpha():
            points = break_points(core)
            start = token.index(core)
            pieces, last = [], 0
            for p in points:
                pieces.append(core[last:p])
                last = p
            pieces.append(core[last:])
            token = token[:start] + "\u00ad".join(pieces) + token[start + len(core) :]
        out.append(token)
    return " ".join(out)
