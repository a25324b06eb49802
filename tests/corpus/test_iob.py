"""Token tags: IOB2 out, IOB2/IOB1/IO/BIOES in, offsets from the text."""

import pytest

from famhbg_nlp.corpus import CorpusError, iob_names, record_to_doc
from famhbg_nlp.corpus.iob import align_tokens, decode_tags, doc_tokens, join_tokens, sentence_breaks

TOKENS = ["Palle", "Lundberg", "och", "Lena", "i", "Region", "Skåne", "."]
TEXT = "Palle Lundberg och Lena i Region Skåne ."
OFFSETS = align_tokens(TEXT, TOKENS)


@pytest.mark.parametrize(
    "tags,expected",
    [
        pytest.param(
            ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-ORG", "I-ORG", "O"],
            [("Palle Lundberg", "PERSON"), ("Lena", "PERSON"), ("Region Skåne", "ORG")],
            id="iob2",
        ),
        pytest.param(
            ["I-PERSON", "I-PERSON", "O", "I-PERSON", "O", "I-ORG", "I-ORG", "O"],
            [("Palle Lundberg", "PERSON"), ("Lena", "PERSON"), ("Region Skåne", "ORG")],
            id="iob1",
        ),
        pytest.param(
            ["PER", "PER", "0", "PER", "0", "ORG", "ORG", "0"],
            [("Palle Lundberg", "PERSON"), ("Lena", "PERSON"), ("Region Skåne", "ORG")],
            id="io-foreign",
        ),
        pytest.param(
            ["B-PERSON", "E-PERSON", "O", "S-PERSON", "O", "B-ORG", "L-ORG", "O"],
            [("Palle Lundberg", "PERSON"), ("Lena", "PERSON"), ("Region Skåne", "ORG")],
            id="bioes-biluo",
        ),
        pytest.param(
            ["B-PERSON", "B-PERSON", "O", "O", "O", "B-LOC", "I-LOC", "O"],
            [("Palle", "PERSON"), ("Lundberg", "PERSON")],
            id="b-splits-loc-dropped",
        ),
        pytest.param(
            ["PER", "PER", "O", "O", "O", "LOC", "ORG", "O"],
            [("Palle Lundberg", "PERSON"), ("Skåne", "ORG")],
            id="io-label-change-splits",
        ),
        pytest.param(["O"] * 8, [], id="nothing"),
    ],
)
def test_decode_tags(tags, expected):
    entities = decode_tags(tags, OFFSETS)
    assert [(TEXT[s:e], label) for s, e, label in entities] == expected


def test_unknown_label_names_the_token():
    with pytest.raises(CorpusError) as info:
        decode_tags(["O", "B-FOO"] + ["O"] * 6, OFFSETS)
    assert "token #1" in str(info.value) and "'FOO'" in str(info.value) and info.value.offset == 6


def test_custom_label_map():
    entities = decode_tags(["B-X", "I-X"] + ["O"] * 6, OFFSETS, label_map={"X": "PERSON"})
    assert entities == [(0, 14, "PERSON")]


def test_align_tokens_over_any_whitespace():
    assert align_tokens("a \n\tbc\u2009d  ", ["a", "bc", "d"]) == [(0, 1), (4, 6), (7, 8)]


@pytest.mark.parametrize(
    "text,tokens,fragment",
    [
        pytest.param("a b", ["a", "c"], "token #1 'c'", id="wrong-token"),
        pytest.param("ab", ["b"], "token #0", id="skips-text"),
        pytest.param("a b c", ["a", "b"], "goes on after", id="text-left"),
    ],
)
def test_align_tokens_errors(text, tokens, fragment):
    with pytest.raises(CorpusError, match=fragment):
        align_tokens(text, tokens)


def test_iob_names():
    assert iob_names(["PERSON", "ORG"]) == ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG"]
    assert len(iob_names()) == 11


def test_doc_tokens_skip_whitespace_and_keep_entities_whole(nlp, tricky):
    doc = record_to_doc(tricky, nlp)
    tokens = doc_tokens(doc)
    assert all(text.strip() == text and text for text, _, _, _ in tokens)
    decoded = decode_tags([t[1] for t in tokens], [(t[2], t[3]) for t in tokens])
    assert decoded == [(s.start, s.end, s.label) for s in tricky.spans]
    words = {text: tag for text, tag, _, _ in tokens}
    assert (words["Sjövall"], words["000"], words["kr"]) == ("I-PERSON", "I-AMOUNT", "I-AMOUNT")


def test_sentence_breaks_never_inside_an_entity(nlp, tricky):
    doc = record_to_doc(tricky, nlp)
    tokens = doc_tokens(doc)
    breaks = sentence_breaks(doc)
    assert breaks
    assert all(not tokens[i][1].startswith("I-") for i in breaks)
    starts = [tokens[i][0] for i in breaks]
    assert "Närvarande" in starts and "Styrelsemötet" in starts and "Sjövall" not in starts


@pytest.mark.parametrize(
    "sentences,text,offsets",
    [
        pytest.param([], "", [], id="nothing"),
        pytest.param([["Anna", "Berg"]], "Anna Berg", [[(0, 4), (5, 9)]], id="one-sentence"),
        pytest.param([["Hej", "."], ["Bjuv"]], "Hej .\nBjuv", [[(0, 3), (4, 5)], [(6, 10)]], id="two-sentences"),
        pytest.param([[], ["x"]], "\nx", [[], [(1, 2)]], id="empty-sentence"),
    ],
)
def test_join_tokens(sentences, text, offsets):
    assert join_tokens(sentences) == (text, offsets)
    for sentence, found in zip(sentences, offsets):
        assert [text[start:end] for start, end in found] == sentence
