"""``famhbg_nlp.protocol.parse``: text or path in, Protocol out."""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import Protocol, default_nlp, parse, parse_doc
from famhbg_nlp.readers import ReadError

TEXT = "Kommunstyrelsens protokoll 2/2023\n\nTid: kl. 13.00-15.00\n\n§ 1 Budget\n\nBeslut\n\natt godkänna budgeten.\n"


def _shape(p: Protocol):
    return (p.body, p.protocol_number, p.time, [(i.number, i.title, len(i.decisions)) for i in p.items])


def test_parse_text(blank_nlp):
    p = parse(TEXT, nlp=blank_nlp)
    assert p.path is None
    assert _shape(p) == _shape(parse_doc(blank_nlp(TEXT)))
    assert _shape(p)[0:2] == ("Kommunstyrelsen", "2/2023")
    assert [i.decisions[0].text for i in p.items] == ["att godkänna budgeten."]


@pytest.mark.parametrize("as_str", [False, True], ids=["Path", "str"])
def test_parse_path(tmp_path, blank_nlp, as_str):
    path = tmp_path / "ks.txt"
    path.write_text(TEXT, encoding="utf-8")
    p = parse(str(path) if as_str else path, nlp=blank_nlp)
    assert p.path == str(path)
    assert _shape(p) == _shape(parse(TEXT, nlp=blank_nlp))


def test_a_string_that_is_no_file_is_text(blank_nlp):
    assert parse("§ 1 Budget", nlp=blank_nlp).items[0].title == "Budget"
    assert parse("/no/such/file.txt", nlp=blank_nlp).path is None


def test_an_unreadable_path_raises(tmp_path, blank_nlp):
    with pytest.raises(ReadError, match="no such file"):
        parse(tmp_path / "missing.txt", nlp=blank_nlp)


def test_default_pipeline_is_loaded_once():
    assert default_nlp() is default_nlp()
    p = parse(TEXT)
    assert _shape(p) == _shape(parse_doc(default_nlp()(TEXT)))


def test_package_exports_parse():
    import famhbg_nlp

    assert famhbg_nlp.parse is parse


def test_parse_a_processed_doc(make_doc):
    doc = make_doc(TEXT, [("ORG", "Region Skåne")])
    assert parse(doc) == parse_doc(doc)
