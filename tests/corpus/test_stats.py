"""Corpus statistics and their table."""

from famhbg_nlp.corpus import corpus_stats
from famhbg_nlp.corpus.stats import stats_table
from famhbg_nlp.defaults import LABELS


def test_counts(records, nlp):
    stats = corpus_stats(records, nlp=nlp)
    assert stats["documents"] == 4
    assert stats["spans"] == sum(len(r.spans) for r in records)
    assert stats["labels"] == {"PERSON": 3, "MUNICIPALITY": 3, "ORG": 4, "DATE": 4, "AMOUNT": 2}
    assert list(stats["labels"]) == list(LABELS)
    per = {d["id"]: d for d in stats["per_document"]}
    # "Mötet 19 april 2024 med SKR och Knowit, budget 1,5 mnkr." -> 13 tokens (the comma and the period are tokens)
    assert per["b-2"]["tokens"] == 13 and per["b-2"]["labels"]["ORG"] == 2 and per["b-2"]["characters"] == 56
    assert per["d-4"] == {"id": "d-4", "tokens": 0, "characters": 0, "spans": 0, "labels": dict.fromkeys(LABELS, 0)}
    assert stats["tokens"] == sum(d["tokens"] for d in stats["per_document"])
    tricky = per["kdg-2020-11-27"]
    assert tricky["tokens"] == sum(1 for t in nlp.make_doc(records[0].text) if not t.is_space)


def test_table(records, nlp):
    table = stats_table(corpus_stats(records, nlp=nlp)).splitlines()
    assert table[0].split() == ["id", "tokens", "spans", *LABELS]
    assert table[-1].split()[:3] == ["TOTAL", "(4", "documents)"]
    assert len(table) == 4 + 4  # header, rule, 4 documents, rule, total
    assert [line.split()[0] for line in table[2:6]] == ["kdg-2020-11-27", "b-2", "c-3", "d-4"]
