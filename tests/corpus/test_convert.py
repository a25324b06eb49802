"""Formats: JSONL -> X -> JSONL keeps ids, texts, meta, spans and values; bad input writes nothing."""

import json
import os

import pytest
from spacy.tokens import DocBin

from famhbg_nlp.corpus import (
    CorpusError,
    Record,
    SpanRecord,
    detect_format,
    export_records,
    iob_names,
    load_any,
    read_records,
    write_records,
)
from famhbg_nlp.corpus.conll import read_conll

FORMATS = [
    pytest.param("hf", "out_hf", id="hf"),
    pytest.param("spacy", "out.spacy", id="spacy"),
    pytest.param("conll", "out.conll", id="conll"),
    pytest.param("jsonl", "out.jsonl", id="jsonl"),
]


def _spans(records):
    return {r.id: [(s.start, s.end, s.label, s.value) for s in r.spans] for r in records}


@pytest.mark.parametrize("fmt,name", FORMATS)
def test_round_trip_is_lossless(tmp_path, nlp, records, fmt, name):
    source = tmp_path / "gold.jsonl"
    write_records(records, source)
    out = tmp_path / name
    assert export_records(read_records(source), out, fmt, nlp=nlp) == {"train": len(records)}
    back = load_any(out, fmt, nlp=nlp)
    assert _spans(back) == _spans(records)
    assert back == records  # ids, texts (whitespace and all), meta too
    again = tmp_path / "back.jsonl"
    write_records(back, again)
    assert again.read_bytes() == source.read_bytes()
    assert detect_format(out) == fmt


@pytest.mark.parametrize("fmt,name", FORMATS)
def test_splits(tmp_path, nlp, records, fmt, name):
    splits = {"train": records[:2], "dev": records[2:]}
    out = tmp_path / name
    assert export_records(splits, out, fmt, nlp=nlp) == {"train": 2, "dev": 2}
    if fmt == "hf":
        assert load_any(out, split="dev") == records[2:]
        assert load_any(out) == records
    else:
        assert out.is_dir() and sorted(os.listdir(out)) == sorted(f"{s}{out.suffix}" for s in splits)
        assert load_any(out / f"dev{out.suffix}", fmt, nlp=nlp) == records[2:]


def test_hf_columns_and_features(tmp_path, nlp, records):
    from datasets import load_from_disk

    export_records(records, tmp_path / "ds", "hf", nlp=nlp)
    ds = load_from_disk(str(tmp_path / "ds"))
    assert list(ds) == ["train"]
    train = ds["train"]
    assert set(train.column_names) == {"id", "text", "meta", "tokens", "ner_tags", "spans"}
    names = train.features["ner_tags"].feature.names
    assert names == iob_names() and names[:3] == ["O", "B-PERSON", "I-PERSON"]
    row = train[0]
    assert row["id"] == records[0].id and row["text"] == records[0].text
    assert json.loads(row["meta"]) == records[0].meta
    assert len(row["tokens"]) == len(row["ner_tags"]) and not any(t.isspace() for t in row["tokens"])
    tags = [names[i] for i in row["ner_tags"]]
    assert tags[row["tokens"].index("Palle")] == "B-PERSON"
    assert tags[row["tokens"].index("Sjövall")] == "I-PERSON"
    values = [json.loads(span["value"]) for span in row["spans"]]
    assert values == [s.value for s in records[0].spans]


def test_hf_foreign_dataset_with_tokens_only(tmp_path):
    from datasets import ClassLabel, Dataset, Features, Sequence, Value

    features = Features(
        {
            "tokens": Sequence(Value("string")),
            "ner_tags": Sequence(ClassLabel(names=["O", "B-PER", "I-PER", "B-LOC", "I-LOC"])),
        }
    )
    Dataset.from_dict(
        {"tokens": [["Anna", "Lind", "bor", "i", "Lund"]], "ner_tags": [[1, 2, 0, 0, 3]]}, features=features
    ).save_to_disk(str(tmp_path / "foreign"))
    [record] = load_any(tmp_path / "foreign")
    assert record.id == "train-0" and record.text == "Anna Lind bor i Lund"
    assert record.spans == [SpanRecord(0, 9, "PERSON")]


def test_hf_tags_that_disagree_with_spans_are_an_error(tmp_path, nlp, records):
    from datasets import load_from_disk

    export_records(records[:1], tmp_path / "ds", "hf", nlp=nlp)
    ds = load_from_disk(str(tmp_path / "ds"))
    broken = ds.map(lambda row: {"ner_tags": [0] * len(row["ner_tags"])})
    broken.save_to_disk(str(tmp_path / "broken"))
    with pytest.raises(CorpusError, match="'ner_tags' and 'spans' disagree") as info:
        load_any(tmp_path / "broken")
    assert info.value.doc_id == records[0].id


def test_conll_layout(tmp_path, nlp, tricky):
    export_records([tricky], tmp_path / "x.conll", "conll", nlp=nlp)
    lines = (tmp_path / "x.conll").read_text(encoding="utf-8").split("\n")
    assert lines[0] == f"# newdoc id = {tricky.id}"
    assert json.loads(lines[2].removeprefix("# text = ")) == tricky.text
    assert lines[3].startswith("# values = ")
    assert "Palle\tB-PERSON" in lines and "Lundberg\tI-PERSON" in lines and "Sjövall\tI-PERSON" in lines
    assert lines[lines.index("Styrelsemötet\tO") - 1] == "", "a new sentence at a line break"
    assert all("\t" in line or line == "" or line.startswith("# ") for line in lines)


def test_conll_foreign_docstart_and_spaces(tmp_path):
    path = tmp_path / "foreign.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\nAnna NNP I-PER\nLind NNP I-PER\nvid NN O\nSKR NNP I-ORG\n\n"
        "Lund NNP I-LOC\n\n-DOCSTART- -X- O O\n\nBo NNP B-PER\n",
        encoding="utf-8",
    )
    records = read_conll(path)
    assert [r.text for r in records] == ["Anna Lind vid SKR\nLund", "Bo"]
    assert [r.id for r in records] == ["foreign-1", "foreign-10"]
    assert [[(r.text[s.start : s.end], s.label) for s in r.spans] for r in records] == [
        [("Anna Lind", "PERSON"), ("SKR", "ORG")],
        [("Bo", "PERSON")],
    ]


def test_conll_without_documents_gives_a_record_per_sentence(tmp_path):
    path = tmp_path / "s.conll"
    path.write_text("Anna\tB-PERSON\nLind\tI-PERSON\n\nBjuv\tB-MUNICIPALITY\n", encoding="utf-8")
    records = read_conll(path)
    assert [(r.id, r.text, len(r.spans)) for r in records] == [("s-1", "Anna Lind", 1), ("s-4", "Bjuv", 1)]


@pytest.mark.parametrize(
    "content,fragment,line",
    [
        pytest.param(
            '# newdoc id = a\n# text = "Anna Lind"\nAnna\tB-PERSON\nLund\tI-PERSON\n',
            "token #1 'Lund' is not in the text",
            4,
            id="token-not-in-text",
        ),
        pytest.param(
            '# newdoc id = a\n# text = "Anna Lind"\nAnna\tB-PERSON\nLind\tB-PLACE\n',
            "unknown label 'PLACE'",
            4,
            id="unknown-label",
        ),
        pytest.param("Anna\tB-PERSON\nLind\n", "needs a token and a tag", 2, id="no-tag"),
        pytest.param('# newdoc id = a\n# text = "Anna\nAnna\tO\n', "not valid JSON", 2, id="bad-text-json"),
        pytest.param(
            '# newdoc id = a\n# text = "Anna"\n# values = [[0, 4, "x"]]\nAnna\tO\n',
            "no tagged entity",
            1,
            id="value-without-entity",
        ),
    ],
)
def test_conll_bad_input_names_line(tmp_path, content, fragment, line):
    path = tmp_path / "bad.conll"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_conll(path)
    assert fragment in str(info.value)
    assert info.value.path == str(path) and info.value.line == line


def test_foreign_docbin_maps_labels(tmp_path, nlp):
    doc = nlp.make_doc("Anna Lind i Lund")
    doc.ents = [doc.char_span(0, 9, label="PER"), doc.char_span(12, 16, label="LOC")]
    DocBin(docs=[doc]).to_disk(tmp_path / "x.spacy")
    [record] = load_any(tmp_path / "x.spacy")
    assert (record.id, record.spans) == ("x-0", [SpanRecord(0, 9, "PERSON")])


def test_not_a_docbin(tmp_path):
    (tmp_path / "x.spacy").write_bytes(b"garbage")
    with pytest.raises(CorpusError, match="not a spaCy DocBin"):
        load_any(tmp_path / "x.spacy")


@pytest.mark.parametrize("fmt,name", FORMATS[:3])  # the token formats; JSONL does not tokenize
def test_bad_record_writes_nothing(tmp_path, nlp, records, fmt, name):
    misaligned = Record("bad-doc", "Helsingborgs Stad", {}, [SpanRecord(0, 11, "MUNICIPALITY", "Helsingborg")])
    out = tmp_path / name
    with pytest.raises(CorpusError) as info:
        export_records(records + [misaligned], out, fmt, nlp=nlp)
    assert info.value.doc_id == "bad-doc"
    assert os.listdir(tmp_path) == []
    export_records(records, out, fmt, nlp=nlp)
    before = sorted(os.walk(tmp_path))
    with pytest.raises(CorpusError):
        export_records([misaligned], out, fmt, nlp=nlp)
    assert sorted(os.walk(tmp_path)) == before
    assert load_any(out, fmt, nlp=nlp) == records


def test_bad_split_export_writes_nothing(tmp_path, nlp, records):
    misaligned = Record("bad-doc", "Helsingborgs Stad", {}, [SpanRecord(0, 11, "MUNICIPALITY", "Helsingborg")])
    with pytest.raises(CorpusError):
        export_records({"train": records, "dev": [misaligned]}, tmp_path / "splits", "conll", nlp=nlp)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    "name,make,fmt",
    [
        pytest.param("a.jsonl", "file", "jsonl", id="jsonl"),
        pytest.param("a.spacy", "file", "spacy", id="spacy"),
        pytest.param("a.conll", "file", "conll", id="conll"),
        pytest.param("train_corpus.txt", "file", "swedish-ner", id="txt"),
        pytest.param("d", "jsonl-dir", "jsonl", id="jsonl-dir"),
        pytest.param("d", "hf-dir", "hf", id="hf-dir"),
    ],
)
def test_detect_format(tmp_path, name, make, fmt):
    path = tmp_path / name
    if make == "file":
        path.write_text("", encoding="utf-8")
    else:
        path.mkdir()
        (path / ("dataset_dict.json" if make == "hf-dir" else "x.jsonl")).write_text("{}", encoding="utf-8")
    assert detect_format(path) == fmt


def test_unknown_suffix_and_format(tmp_path):
    (tmp_path / "a.csv").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="cannot tell the format"):
        load_any(tmp_path / "a.csv")
    with pytest.raises(CorpusError, match="unknown format 'xml'"):
        load_any(tmp_path / "a.csv", "xml")
    with pytest.raises(CorpusError, match="unknown format 'xml'"):
        export_records([], tmp_path / "o", "xml")


def test_load_any_checks_records(tmp_path):
    (tmp_path / "x.conll").write_text("# newdoc id = a\nA\tO\n\n# newdoc id = a\nB\tO\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="used twice"):
        load_any(tmp_path / "x.conll")
