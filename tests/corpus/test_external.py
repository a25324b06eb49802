"""The Swedish news NER corpus reader, on a slice written here in the corpus' own format."""

import logging

import pytest

from famhbg_nlp.corpus import CorpusError, load_any, read_swedish_ner_corpus

# tabs in one file, runs of spaces in the other, "0" for outside, IO tags, a line without a tag
TRAIN = (
    "Gunhild\tPER\nWestman\tPER\n,\t0\ntidigare\t0\nlektor\t0\ni\t0\nUppsala\tLOC\n.\t0\n"
    "\n"
    "Hon\t0\narbetar\t0\npå\t0\nSveriges\tORG\nRadio\tORG\nmed\t0\nAnna\tPER\nOch\tPER\n.\t0\nbn\n"
    "\n\n"
    "EU\tMISC\n-\t0\nkommissionen\t0\n.\t0\n"
)
TEST = "Inger   PER\nAtterstam   PER\n:   0\nHej 0\n\n"


@pytest.fixture
def corpus_dir(tmp_path):
    (tmp_path / "train_corpus.txt").write_text(TRAIN, encoding="utf-8")
    (tmp_path / "test_corpus.txt").write_text(TEST, encoding="utf-8")
    (tmp_path / "Readme.md").write_text("# not read", encoding="utf-8")
    return tmp_path


def _entities(record):
    return [(record.text[s.start : s.end], s.label) for s in record.spans]


def test_one_record_per_sentence(corpus_dir, caplog):
    with caplog.at_level(logging.WARNING):
        records = read_swedish_ner_corpus(corpus_dir / "train_corpus.txt")
    assert [r.text for r in records] == [
        "Gunhild Westman , tidigare lektor i Uppsala .",
        "Hon arbetar på Sveriges Radio med Anna Och .",
        "EU - kommissionen .",
    ]
    assert [_entities(r) for r in records] == [
        [("Gunhild Westman", "PERSON")],
        [("Sveriges Radio", "ORG"), ("Anna Och", "PERSON")],
        [],
    ]
    assert [r.id for r in records] == ["train_corpus-1", "train_corpus-10", "train_corpus-22"]
    assert records[1].meta == {"source": "train_corpus.txt", "line": 10}
    assert "line 19" in caplog.text and "'bn'" in caplog.text


def test_directory_space_separated_and_limit(corpus_dir):
    records = read_swedish_ner_corpus(corpus_dir)
    assert [r.id for r in records][:1] == ["test_corpus-1"]
    assert _entities(records[0]) == [("Inger Atterstam", "PERSON")]
    assert records[0].text == "Inger Atterstam : Hej"
    assert len(records) == 4
    assert len(read_swedish_ner_corpus(corpus_dir, limit=2)) == 2


def test_sentences_per_record_keeps_offsets(corpus_dir):
    [first, second] = read_swedish_ner_corpus(corpus_dir / "train_corpus.txt", sentences_per_record=2)
    assert first.text.count("\n") == 1
    assert _entities(first) == [("Gunhild Westman", "PERSON"), ("Sveriges Radio", "ORG"), ("Anna Och", "PERSON")]
    assert second.text == "EU - kommissionen ."


def test_spans_align_to_the_project_tokenizer(corpus_dir, nlp):
    for record in read_swedish_ner_corpus(corpus_dir):
        doc = nlp.make_doc(record.text)
        assert all(doc.char_span(s.start, s.end) is not None for s in record.spans)


def test_load_any_reads_it(corpus_dir):
    assert load_any(corpus_dir / "test_corpus.txt") == read_swedish_ner_corpus(corpus_dir / "test_corpus.txt")
    assert len(load_any(corpus_dir, "swedish-ner", limit=1)) == 1


def test_bad_input(tmp_path):
    (tmp_path / "x.txt").write_bytes("Malmö\tLOC\n".encode("latin-1"))
    with pytest.raises(CorpusError, match="not valid UTF-8") as info:
        read_swedish_ner_corpus(tmp_path / "x.txt")
    assert info.value.line == 1
    (tmp_path / "y.txt").write_text("Malmö\tPLACE\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="unknown label 'PLACE'") as info:
        read_swedish_ner_corpus(tmp_path / "y.txt")
    assert info.value.line == 1
    with pytest.raises(CorpusError, match="no such file"):
        read_swedish_ner_corpus(tmp_path / "missing.txt")
