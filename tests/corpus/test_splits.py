"""Deterministic document-level splits and leave-one-document-out folds."""

import pytest

from famhbg_nlp.corpus import CorpusError, Record, leave_one_out, split_records
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
