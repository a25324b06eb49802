"""Hypothesis: ``parse_text`` takes any string, and each reader any bytes, raising nothing but the
documented errors (the readers: :class:`~famhbg_nlp.readers.ReadError`, naming the file)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import famhbg_nlp
from famhbg_nlp.api import clean_controls
from famhbg_nlp.readers import ReadError, decode_bytes, read_document

#: Pieces of minutes, so that random strings also exercise the structure and the rule components.
PIECES = [
    "Närvarande:", "Beslutande", "Anna Svensson, Ystad", "(S)", "§ 1", "§ 12 Budget", "Beslut", "att godkänna",
    "700 000 kr", "1,5 mnkr", "5 mars", "2021-03-04", "201204", "2-3/9", "Höörs kommun", "Datum:", "Tid/Plats:",
    "Justerare", "_____", "......", "…", "**", "~~", "|", "\t", "\n", "\n\n", " ", "\x00", "\r\n", "\f", "ü", "€",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join),
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def rules_nlp():
    return famhbg_nlp.rules_pipeline()


@SETTINGS
@given(text=texts)
def test_parse_text_never_raises(rules_nlp, text):
    protocol = famhbg_nlp.parse_text(text, nlp=rules_nlp)
    clean = clean_controls(text)
    for entity in protocol.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert clean[entity.start : entity.end] == entity.text
    for item in protocol.items:
        assert 0 <= item.start <= item.end <= len(text)


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_decoding_raises_only_read_errors(data):
    try:
        decoded = decode_bytes(data, "x.txt")
    except ReadError as err:
        assert err.path == "x.txt" and err.reason
    else:
        assert "\x00" not in decoded.text


@SETTINGS
@given(
    suffix=st.sampled_from([".txt", ".pdf", ".docx"]),
    head=st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe"]),
    data=st.binary(max_size=2000),
)
def test_each_reader_raises_only_read_errors(suffix, head, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(head + data)
        try:
            document = read_document(path)
        except ReadError as err:
            assert err.path == str(path) and err.reason
        else:
            assert isinstance(document.text, str)
