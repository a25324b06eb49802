"""Deterministic document-level splits and leave-one-document-out folds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from famhbg_nlp.corpus import CorpusError, Record, group_of, grouped_folds, leave_one_out, split_records
from famhbg_nlp.corpus.splits import assign_splits


def _records(n):
    return [Record(id=f"doc-{i:02d}", text=f"Text {i}.") for i in range(n)]


@pytest.mark.parametrize(
    "n,fraction,n_dev",
    [
        pytest.param(10, 0.2, 2, id="fifth"),
        pytest.param(5, 0.2, 1, id="gold-sized"),
        pytest.param(3, 0.1, 1, id="at-least-one"),
        pytest.param(2, 0.9, 1, id="never-all"),
        pytest.param(1, 0.5, 0, id="single-document"),
        pytest.param(10, 0.0, 0, id="no-dev"),
    ],
)
def test_split_sizes(n, fraction, n_dev):
    train, dev = split_records(_records(n), dev_fraction=fraction, seed=0)
    assert len(dev) == n_dev and len(train) == n - n_dev
    assert {r.id for r in train} | {r.id for r in dev} == {r.id for r in _records(n)}
    assert not {r.id for r in train} & {r.id for r in dev}


def test_split_is_deterministic_and_independent_of_order():
    records = _records(20)
    train, dev = split_records(records, dev_fraction=0.25, seed=7)
    again_train, again_dev = split_records(list(reversed(records)), dev_fraction=0.25, seed=7)
    assert {r.id for r in dev} == {r.id for r in again_dev}
    assert [r.id for r in train] == sorted(r.id for r in train), "input order is kept"
    assert [r.id for r in again_train] == sorted((r.id for r in again_train), reverse=True)


def test_seed_changes_the_split():
    records = _records(20)
    devs = {tuple(r.id for r in split_records(records, dev_fraction=0.25, seed=seed)[1]) for seed in range(5)}
    assert len(devs) > 1


@pytest.mark.parametrize("fraction", [-0.1, 1.0, 1.5])
def test_bad_fraction(fraction):
    with pytest.raises(ValueError, match="dev_fraction"):
        split_records(_records(3), dev_fraction=fraction, seed=0)


def test_leave_one_out():
    records = _records(4)
    folds = leave_one_out(records)
    assert [held.id for _, held in folds] == [r.id for r in records]
    for train, held in folds:
        assert held not in train and len(train) == 3
    assert leave_one_out([]) == []


def test_assign_splits():
    records = _records(4)
    splits = assign_splits(records, {"test": ["doc-01", "doc-03"]})
    assert list(splits) == ["train", "test"]
    assert [r.id for r in splits["test"]] == ["doc-01", "doc-03"]
    assert [r.id for r in splits["train"]] == ["doc-00", "doc-02"]
    with pytest.raises(CorpusError, match="not in the corpus"):
        assign_splits(records, {"test": ["nope"]})
    with pytest.raises(CorpusError, match="both"):
        assign_splits(records, {"test": ["doc-01"], "dev": ["doc-01"]})


# --------------------------------------------------------------------------- grouped folds


def _rec(doc_id: str, municipality: str | None) -> Record:
    meta = {} if municipality is None else {"municipality": municipality}
    return Record(id=doc_id, text="x", meta=meta, spans=[])


@pytest.mark.parametrize(
    ("doc_id", "municipality", "key", "group"),
    [
        ("lund-ks-2020-11", "Lund", "municipality", "Lund"),
        ("lund-ks-2020-11", "Lund", "body", "lund-ks"),
        ("lund-kf-2024-10-15", "Lund", "body", "lund-kf"),
        ("borlange-ks-2021", "Borlänge", "body", "borlange-ks"),
        ("kdg-2020-11-27", None, "municipality", "kdg"),
        ("kdg-2020-11-27", None, "document", "kdg-2020-11-27"),
    ],
    ids=["municipality", "body", "body-full-date", "body-year-only", "no-municipality-falls-back", "document"],
)
def test_group_of(doc_id, municipality, key, group):
    assert group_of(_rec(doc_id, municipality), key) == group


def test_group_of_rejects_an_unknown_key():
    with pytest.raises(ValueError, match="county"):
        group_of(_rec("a", "A"), "county")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["Lund", "Mora", "Malmö", "Hylte", "Ale", "Kalmar"]), min_size=2, max_size=30),
    st.one_of(st.none(), st.integers(min_value=2, max_value=7)),
    st.integers(min_value=0, max_value=3),
)
def test_grouped_folds_never_put_a_group_on_both_sides(municipalities, n_folds, seed):
    records = [_rec(f"d{i}", m) for i, m in enumerate(municipalities)]
    folds = grouped_folds(records, key="municipality", n_folds=n_folds, seed=seed)
    tested = []
    for train, test in folds:
        assert test, "no fold is empty"
        assert {r.meta["municipality"] for r in train}.isdisjoint(r.meta["municipality"] for r in test)
        assert len(train) + len(test) == len(records)
        tested += [r.id for r in test]
    assert sorted(tested) == sorted(r.id for r in records)  # every document is tested exactly once
    groups = len(set(municipalities))
    assert len(folds) == (groups if n_folds is None or n_folds >= groups else n_folds)


def test_grouped_folds_balance_documents():
    records = [_rec(f"d{i}", m) for i, m in enumerate(["A"] * 4 + ["B"] * 3 + ["C"] * 2 + ["D"] * 2 + ["E"])]
    sizes = sorted(len(test) for _, test in grouped_folds(records, key="municipality", n_folds=3))
    assert sizes == [4, 4, 4]
