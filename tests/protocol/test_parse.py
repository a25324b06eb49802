"""``famhbg_nlp.protocol.parse`` (a path) and ``parse_text`` (a text): Protocol out."""

from __future__ import annotations

import pytest

from famhbg_nlp.protocol import Protocol, default_nlp, parse, parse_doc, parse_text

TEXT = "Kommunstyrelsens protokoll 2/2023\n\nTid: kl. 13.00-15.00\n\n§ 1 Budget\n\nBeslut\n\natt godkänna budgeten.\n"


def _shape(p: Protocol):
    return (p.body, p.protocol_number, p.time, [(i.number, i.title, len(i.decisions)) for i in p.items])


def test_parse_text(blank_nlp):
    p = parse_text(TEXT, nlp=blank_nlp)
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
    assert _shape(p) == _shape(parse_text(TEXT, nlp=blank_nlp))


def test_a_string_that_is_no_file_is_a_missing_path(blank_nlp):
    with pytest.raises(FileNotFoundError, match="parse_text"):
        parse("/no/such/file.txt", nlp=blank_nlp)
    with pytest.deprecated_call():  # the old use, a text with line breaks, still works for now
        assert parse(TEXT, nlp=blank_nlp).items[0].title == "Budget"


def test_an_unreadable_path_raises(tmp_path, blank_nlp):
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        parse(tmp_path / "missing.txt", nlp=blank_nlp)


def test_default_pipeline_is_loaded_once():
    assert default_nlp() is default_nlp()
    p = parse_text(TEXT)
    assert _shape(p) == _shape(parse_doc(default_nlp()(TEXT)))


def test_package_exports_parse():
    import famhbg_nlp

    assert famhbg_nlp.parse is parse
    assert famhbg_nlp.parse_text is parse_text


def test_parse_a_processed_doc(make_doc):
    doc = make_doc(TEXT, [("ORG", "Region Skåne")])
    with pytest.deprecated_call():
        assert parse(doc) == parse_doc(doc)
