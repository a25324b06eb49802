"""``validate``: the scheme's rules and the agreement of gold values with the rule components.

The rule checks run against small RuleComponents defined here (the real components are
other modules' business); one test runs the real rule pipeline on an absurd gold value.
"""

import json
import re
from dataclasses import dataclass

import pytest
from spacy.language import Language

import famhbg_nlp
from famhbg_nlp.corpus import Record, SpanRecord, validate_path, validate_records
from famhbg_nlp.pipes.base import RuleComponent


@dataclass(frozen=True)
class Kronor:
    kronor: int

    def to_json(self):
        return self.kronor


class DigitAmounts(RuleComponent):
    """Finds ``<digits> kr``; ``value_of`` reads the digits of any span."""

    label = "AMOUNT"

    def find(self, doc, **kwargs):
        for match in re.finditer(r"(\d+) kr\b", doc.text):
            span = doc.char_span(match.start(), match.end(), label=self.label)
            if span is not None:
                yield span, Kronor(int(match.group(1)))

    def value_of(self, span, **kwargs):
        digits = re.sub(r"\D", "", span.text)
        return Kronor(int(digits)) if digits else None


class BrokenDates(RuleComponent):
    label = "DATE"

    def find(self, doc, **kwargs):
        raise RuntimeError("not written yet")

    def value_of(self, span, **kwargs):
        return None


class SpyDates(BrokenDates):
    """Remembers the keyword arguments of each call."""

    seen: list = []

    def __call__(self, doc, **kwargs):
        self.seen.append(kwargs)
        return doc


if not Language.has_factory("test_corpus_amounts"):
    Language.factory("test_corpus_amounts", default_config={"policy": "rules"})(
        lambda nlp, name, policy: DigitAmounts(nlp, name, policy=policy, drop_unvalued=True)
    )
    Language.factory("test_corpus_broken_dates", default_config={"policy": "rules"})(
        lambda nlp, name, policy: BrokenDates(nlp, name, policy=policy, drop_unvalued=True)
    )
    Language.factory("test_corpus_spy_dates", default_config={"policy": "rules"})(
        lambda nlp, name, policy: SpyDates(nlp, name, policy=policy, drop_unvalued=True)
    )


@pytest.fixture(scope="module")
def rules_nlp():
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("test_corpus_amounts")
    return nlp


@pytest.fixture
def amount_record(make_record):
    def build(value, surface="700 kr"):
        return make_record("a-1", f"Beviljas {surface}.", [(surface, "AMOUNT", value)])

    return build


def test_clean_records_pass(records, rules_nlp, amount_record):
    assert validate_records(records, rules=False) == []
    assert validate_records([amount_record(700)], rules_nlp=rules_nlp) == []


def test_value_disagreeing_with_a_rule_match(rules_nlp, amount_record):
    [problem] = validate_records([amount_record(7000)], rules_nlp=rules_nlp)
    assert (problem.kind, problem.doc_id, problem.start, problem.end, problem.label) == (
        "rules",
        "a-1",
        9,
        15,
        "AMOUNT",
    )
    assert problem.excerpt == "700 kr"
    assert problem.reason == "gold value 7000 but the rules give 700 (test_corpus_amounts matched it)"


def test_span_the_rules_missed_is_valued_by_value_of(rules_nlp, amount_record):
    [problem] = validate_records([amount_record(6, "5 kronor")], rules_nlp=rules_nlp)
    assert problem.reason == "gold value 6 but the rules give 5 (test_corpus_amounts.value_of)"
    assert validate_records([amount_record(5, "5 kronor")], rules_nlp=rules_nlp) == []


def test_types_must_agree_too(rules_nlp, amount_record):
    problems = validate_records([amount_record(700.0)], rules_nlp=rules_nlp)
    assert sorted(p.kind for p in problems) == ["rules", "scheme"]


def test_failing_rule_pipeline_is_reported_not_raised(make_record):
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("test_corpus_broken_dates")
    record = make_record("d-1", "Mötet 201204.", [("201204", "DATE", "2020-12-04")])
    [problem] = validate_records([record], rules_nlp=nlp)
    assert problem.kind == "rules" and "RuntimeError: not written yet" in problem.reason


def test_rules_nlp_gets_the_meeting_date(make_record):
    nlp = famhbg_nlp.blank()
    nlp.add_pipe("test_corpus_spy_dates", name="famhbg_dates")
    record = make_record("d-1", "Mötet 201204.", [("201204", "DATE", "2020-12-04")], {"meeting_date": "2020-11-27"})
    SpyDates.seen.clear()
    validate_records([record], rules_nlp=nlp)
    assert SpyDates.seen == [{"meeting_date": "2020-11-27"}]
    SpyDates.seen.clear()
    record.meta.clear()
    validate_records([record], rules_nlp=nlp)
    assert SpyDates.seen == [{}]


def test_real_rules_flag_an_absurd_value(make_record):
    record = make_record(
        "r-1", "Kostnaden är knappt 700 000 kr.", [("700 000 kr", "AMOUNT", 1)], {"meeting_date": "2020-11-27"}
    )
    problems = validate_records([record])
    assert [(p.kind, p.start, p.label) for p in problems] == [("rules", 20, "AMOUNT")]
    assert problems[0].reason.startswith("gold value 1 but the rules give")


SCHEME_CASES = [
    pytest.param("Palle Lundberg ", ("Palle Lundberg ", "PERSON", None), "edge", id="trailing-space"),
    pytest.param("Palle Lundberg, Bjuv", ("Palle Lundberg,", "PERSON", None), "edge", id="trailing-comma"),
    pytest.param("(Palle Lundberg)", ("(Palle Lundberg", "PERSON", None), "edge", id="leading-paren"),
    pytest.param("~~Palle Lundberg~~", ("~~Palle Lundberg", "PERSON", None), "edge", id="markup"),
    pytest.param(
        "Helsingborgs Stad", ("Helsingborg", "MUNICIPALITY", "Helsingborg"), "does not align", id="inside-a-word"
    ),
    pytest.param(
        "Palle Lundberg", ("Palle Lundberg", "PERSON", "Palle"), "PERSON value must be null", id="person-value"
    ),
    pytest.param("SKR", ("SKR", "ORG", "SKR"), "ORG value must be null", id="org-value"),
    pytest.param("Bjuv", ("Bjuv", "MUNICIPALITY", None), "MUNICIPALITY value must be a name", id="municipality-null"),
    pytest.param("Bjuv", ("Bjuv", "MUNICIPALITY", 3), "MUNICIPALITY value must be a name", id="municipality-int"),
    pytest.param("3 mkr", ("3 mkr", "AMOUNT", "3000000"), "AMOUNT value must be an integer", id="amount-str"),
    pytest.param("3 mkr", ("3 mkr", "AMOUNT", 3e6), "AMOUNT value must be an integer", id="amount-float"),
    pytest.param("3 mkr", ("3 mkr", "AMOUNT", True), "AMOUNT value must be an integer", id="amount-bool"),
    pytest.param("3 mkr", ("3 mkr", "AMOUNT", None), "AMOUNT value must be an integer", id="amount-null"),
    pytest.param("201204", ("201204", "DATE", "20201204"), "not an ISO date", id="date-compact"),
    pytest.param("201204", ("201204", "DATE", "2020-12-4"), "not an ISO date", id="date-short"),
    pytest.param("201204", ("201204", "DATE", "2020-02-30"), "not an ISO date", id="date-invalid-day"),
    pytest.param("201204", ("201204", "DATE", 20201204), "DATE value must be", id="date-int"),
    pytest.param("2-3/9", ("2-3/9", "DATE", {"start": "2020-09-02"}), "exactly 'start' and 'end'", id="range-keys"),
    pytest.param(
        "2-3/9",
        ("2-3/9", "DATE", {"start": "2020-09-03", "end": "2020-09-02"}),
        "does not end after",
        id="range-reversed",
    ),
    pytest.param(
        "2-3/9", ("2-3/9", "DATE", {"start": "2020-09-02", "end": "3/9"}), "two ISO dates", id="range-bad-end"
    ),
]


@pytest.mark.parametrize("text,span,fragment", SCHEME_CASES)
def test_scheme_problems(text, span, fragment, make_record):
    problems = validate_records([make_record("s-1", text, [span])], rules=False)
    assert problems, "expected a problem"
    assert any(fragment in p.reason for p in problems), [p.reason for p in problems]
    assert all(p.doc_id == "s-1" and p.label == span[1] and p.kind == "scheme" for p in problems)


@pytest.mark.parametrize(
    "value", [None, "2020-12-04", {"start": "2020-09-02", "end": "2020-09-03"}], ids=["null", "iso", "range"]
)
def test_valid_date_values(value, make_record):
    assert validate_records([make_record("s-1", "201204", [("201204", "DATE", value)])], rules=False) == []


def test_record_level_problems():
    records = [
        Record("same", "x", {"meeting_date": "27/11 2020"}, []),
        Record("same", "y", {}, []),
        Record("z", "Bjuv", {}, [SpanRecord(0, 9, "MUNICIPALITY", "Bjuv"), SpanRecord(0, 4, "KOMMUN")]),
    ]
    reasons = [(p.doc_id, p.reason) for p in validate_records(records, rules=False)]
    assert ("same", "meta.meeting_date '27/11 2020' is not an ISO date (YYYY-MM-DD)") in reasons
    assert ("same", "the id is used by an earlier document") in reasons
    assert any(doc == "z" and "outside the text" in reason for doc, reason in reasons)
    assert any(doc == "z" and "unknown label 'KOMMUN'" in reason for doc, reason in reasons)


def test_validate_path_lists_every_problem_with_file_and_line(tmp_path, tricky, make_record):
    path = tmp_path / "gold.jsonl"
    good = json.dumps(tricky.to_dict(), ensure_ascii=False)
    bad_span = json.dumps(make_record("b-2", "Palle Lundberg ", [("Palle Lundberg ", "PERSON", None)]).to_dict())
    path.write_bytes(b"{broken\n" + good.encode() + b"\n\xff\n" + bad_span.encode() + b"\n")
    documents, problems = validate_path(path, rules=False)
    assert documents == 2
    assert [(p.line, p.kind) for p in problems] == [(1, "format"), (3, "format"), (4, "scheme")]
    assert str(problems[2]) == f'{path}:4\tb-2\t0-15\tPERSON\t"Palle Lundberg "\t' + problems[2].reason
    assert str(problems[0]).startswith(f"{path}:1\t-\t-\t-\t-\tinvalid JSON")


def test_validate_path_missing(tmp_path):
    documents, [problem] = validate_path(tmp_path / "nope.jsonl")
    assert documents == 0 and problem.kind == "format" and "no such file" in problem.reason
