"""Plain text: byte-order marks, UTF-16 without one, fallbacks, control characters, binary refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from famhbg_nlp.readers import ReadError, decode_bytes, read_document
from famhbg_nlp.readers.text import normalise

TEXT = "Närvarande: Åsa Öberg (S), ordförande – 1 500 tkr"


@pytest.mark.parametrize(
    ("data", "text", "encoding", "warning"),
    [
        pytest.param(TEXT.encode(), TEXT, "utf-8", None, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode(), TEXT, "utf-8", None, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16", None, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16", None, id="utf-16-be-bom"),
        pytest.param(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, "utf-32", None, id="utf-32-le-bom"),
        pytest.param(codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), TEXT, "utf-32", None, id="utf-32-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), TEXT, "utf-16", "no byte-order mark", id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), TEXT, "utf-16", "no byte-order mark", id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("cp1252"), TEXT, "cp1252", "read as cp1252", id="cp1252"),
        pytest.param(b"N\xe4rvarande \x81\x8d", "Närvarande   ", "latin-1", "read as latin-1", id="latin-1"),
        pytest.param(b"Anna\x00 Svensson\r\nPer\rOla", "Anna Svensson\nPer\nOla", "utf-8", "1 control", id="nul-crlf"),
        pytest.param(b"Anna\x07Berg\tS", "Anna Berg\tS", "utf-8", "control", id="bell-to-space"),
        pytest.param("upp\u00adföljning\u200b".encode(), "uppföljning", "utf-8", None, id="invisible-dropped"),
        pytest.param(b"", "", "utf-8", None, id="empty"),
    ],
)
def test_decoding(data, text, encoding, warning):
    decoded = decode_bytes(data, "a.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)
    if warning is None:
        assert decoded.warnings == ()
    else:
        assert any(warning in w and "a.txt" in w for w in decoded.warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3", "this is a PDF file", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00", "a ZIP archive", id="zip"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image", id="png"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Office file", id="doc"),
        pytest.param(bytes(range(256)) * 4, "binary content", id="all-bytes"),
        pytest.param(b"\x00\x01\x02\x03\x04\x05abc\x06\x07\x08", "binary content", id="controls"),
        pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16", id="bad-utf-16"),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfd", "not valid UTF-8", id="bad-utf-8-after-bom"),
    ],
)
def test_not_text_is_refused(tmp_path, data, reason):
    path = tmp_path / "minutes.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(path) in str(info.value) and reason in info.value.reason


def test_form_feeds_are_pages(tmp_path):
    path = tmp_path / "pdftotext.txt"
    path.write_text("Sida ett\nrad två\fSida två\f\fSida fyra", encoding="utf-8")
    document = read_document(path)
    assert document.text == "Sida ett\nrad två\n\nSida två\n\nSida fyra"
    assert document.pages == 4
    assert [document.page_at(document.text.index(w)) for w in ("ett", "två\n", "Sida två", "fyra")] == [1, 1, 2, 4]
    assert document.page_map.span(3)[0] == document.page_map.span(3)[1]  # the empty page


def test_plain_text_has_no_page_map(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Närvarande", encoding="utf-8")
    assert read_document(path).page_map is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_read_error(data):
    try:
        decoded = decode_bytes(data, "x.txt")
    except ReadError as err:
        assert err.path == "x.txt" and err.reason
        return
    assert normalise(decoded.text)[1] == 0  # no control characters left
    assert "\r" not in decoded.text and "\x00" not in decoded.text


_SAFE = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"), blacklist_characters="\u0085")


@settings(max_examples=200, deadline=None)
@given(st.text(_SAFE, max_size=200), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_with_a_mark_round_trips(text, codec):
    data = text.encode(codec)
    assert decode_bytes(data).text == text
