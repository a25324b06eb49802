"""Odd and hostile inputs: one clear behaviour for each, through the API and the command line.

Each row of :data:`CASES` makes one input (a file, a folder, a missing path or bytes on standard
input) and says what ``famhbg_nlp.parse(path)`` and ``famhbg extract`` must do with it:

* ``OK``: a protocol (the API) / exit code 0 and one document in the JSON (the CLI); ``check``
  looks at the protocol (both ways), ``warns`` is a text the reader's warning must contain
  (a ``ReadWarning`` in the API, a ``warning:`` line on stderr in the CLI);
* ``Fails``: the exception the API raises, and the exit code and ``error:`` line of the CLI,
  both containing the same words (the path and the reason).

The CLI runs with the rule pipeline (``--model rules``) so that the battery stays fast; the
pipeline's output on real text is tested elsewhere.
"""

from __future__ import annotations

import codecs
import json
import random
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

import famhbg_nlp
from famhbg_nlp.cli import app
from famhbg_nlp.protocol import Protocol
from famhbg_nlp.readers import ReadError

runner = CliRunner()

MINUTES = (
    "Kommunstyrelsens protokoll 2021-03-04\n\n"
    "Närvarande:\nÅsa Öberg, Höör\nAnna Svensson, Ystad\n\n"
    "§ 1 Budget\n\nBeslut\n\natt bevilja 700 000 kr den 5 mars 2021.\n"
)  # fmt: skip


def _labels(protocol: Protocol) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in protocol.entities}


def minutes_read_right(protocol: Protocol) -> None:
    """The text came through with its å, ä, ö: the rule entities of :data:`MINUTES` are all there."""
    assert {("MUNICIPALITY", "Höör"), ("MUNICIPALITY", "Ystad"), ("AMOUNT", "700 000 kr")} <= _labels(protocol)
    assert ("DATE", "5 mars 2021") in _labels(protocol)
    assert [item.title for item in protocol.items] == ["Budget"]


@dataclass(frozen=True)
class OK:
    check: Callable[[Protocol], None] | None = None
    warns: str | None = None


@dataclass(frozen=True)
class Fails:
    error: type[Exception]
    words: tuple[str, ...] = ()
    #: the path named in the messages, when it is not the input itself (a file inside a folder)
    names: str | None = None


@dataclass(frozen=True)
class Case:
    id: str
    #: writes the input under the given folder and returns its path, or returns bytes for stdin
    make: Callable[[Path], Path | bytes]
    api: OK | Fails
    cli: OK | Fails | int = field(default=None)  # type: ignore[assignment]


# --- inputs -----------------------------------------------------------------------------------


def write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return make


def stdin(data: bytes | str) -> Callable[[Path], bytes]:
    return lambda folder: data.encode("utf-8") if isinstance(data, str) else data


def _fpdf(text: str | None = None, *, password: str | None = None, scan: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    if text:
        pdf.add_font("dejavu", fname=_font())
        pdf.set_font("dejavu", size=11)
        for line in text.split("\n"):
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    if scan:  # a page-filling image and no text: what a scanner gives
        from PIL import Image, ImageDraw

        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for y in range(120, 1600, 40):
            draw.line((120, y, 1100, y), fill=0, width=3)
        pdf.image(image, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def _font() -> str:
    from famhbg_nlp.testing.fonts import find_fonts

    found = find_fonts()
    if found is None:  # pragma: no cover - CI installs fonts-dejavu
        pytest.skip("no TrueType font for å, ä, ö (apt-get install fonts-dejavu-core)")
    return str(found[0])


def pdf(name: str, **kwargs) -> Callable[[Path], Path]:  # type: ignore[no-untyped-def]
    return lambda folder: write(name, _fpdf(**kwargs))(folder)


def truncated_pdf(folder: Path) -> Path:
    data = _fpdf(MINUTES)
    return write("truncated.pdf", data[: len(data) // 2])(folder)


def docx(name: str, paragraphs: list[str]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        import docx as python_docx

        document = python_docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        path = folder / name
        document.save(str(path))
        return path

    return make


#: A paragraph of ordinary prose (710 characters), to fill a huge document.
PROSE = "Nämnden diskuterade ärendet och frågan bereds vidare av förvaltningen. " * 10 + "\n"


def huge(folder: Path) -> Path:
    """Over spaCy's default ``max_length`` (1,000,000): the minutes, then 1 MB of ordinary prose."""
    return write("huge.txt", MINUTES + "\n" + PROSE * 1_420 + "\nAvgiften är 5 000 kr.\n")(folder)


def folder_of_minutes(folder: Path) -> Path:
    write("minutes/sub/a.txt", MINUTES)(folder)
    write("minutes/notes.md", "# not minutes")(folder)
    return folder / "minutes"


def empty_folder(folder: Path) -> Path:
    (folder / "empty").mkdir()
    return folder / "empty"


def dangling_link(folder: Path) -> Path:
    link = folder / "gone.txt"
    link.symlink_to(folder / "deleted.txt")
    return link


BINARY = random.Random(0).randbytes(4096)
CONTROLS = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r\f\v")


def huge_read_right(protocol: Protocol) -> None:
    minutes_read_right(protocol)
    assert protocol.entities[-1].text == "5 000 kr" and protocol.entities[-1].end > 1_000_000


def nul_read_right(protocol: Protocol) -> None:
    minutes_read_right(protocol)
    assert not any("\x00" in e.text for e in protocol.entities)


CASES: list[Case] = [
    # text files: encodings and content
    Case("utf-8", write("a.txt", MINUTES), OK(minutes_read_right)),
    Case("utf-8 with BOM", write("a.txt", codecs.BOM_UTF8 + MINUTES.encode("utf-8")), OK(minutes_read_right)),
    Case("utf-16 LE with BOM", write("a.txt", MINUTES.encode("utf-16")), OK(minutes_read_right)),
    Case("utf-16 BE with BOM", write("a.txt", codecs.BOM_UTF16_BE + MINUTES.encode("utf-16-be")), OK(minutes_read_right)),
    Case("utf-32 with BOM", write("a.txt", MINUTES.encode("utf-32")), OK(minutes_read_right)),
    Case("utf-16 without BOM", write("a.txt", MINUTES.encode("utf-16-le")), OK(minutes_read_right, warns="UTF-16")),
    Case("cp1252", write("a.txt", MINUTES.encode("cp1252")), OK(minutes_read_right, warns="not UTF-8")),
    Case("CRLF line ends", write("a.txt", MINUTES.replace("\n", "\r\n")), OK(minutes_read_right)),
    Case("NUL bytes in names", write("a.txt", MINUTES.replace("Åsa Ö", "Åsa\x00 Ö").replace("Yst", "Y\x00st")),
         OK(nul_read_right, warns="control character")),
    Case("a few control characters", write("a.txt", MINUTES.replace("\n\n§", "\x1b\x07\n\n§")), OK(minutes_read_right)),
    Case("empty", write("a.txt", b""), Fails(ReadError, ("holds no text",))),
    Case("whitespace only", write("a.txt", " \n\t\n  \n"), Fails(ReadError, ("holds no text",))),
    Case("only markup", write("a.txt", "**\n~~\n---\n"), OK()),
    Case("binary bytes", write("a.txt", BINARY), Fails(ReadError, ("binary content",))),
    Case("control characters only", write("a.txt", CONTROLS * 20), Fails(ReadError, ("binary content",))),
    Case("a PDF named .txt", write("a.txt", b"%PDF-1.7\n..."), Fails(ReadError, ("a PDF file",))),
    Case("a ZIP named .txt", write("a.txt", b"PK\x03\x04rest"), Fails(ReadError, ("ZIP archive",))),
    Case("huge (over 1,000,000 characters)", huge, OK(huge_read_right)),
    Case("5,000 underscores on a line", write("a.txt", MINUTES + "_" * 5000 + "\nJusterare\n"), OK(minutes_read_right)),
    # PDF and DOCX
    Case("PDF", pdf("a.pdf", text=MINUTES), OK(minutes_read_right)),
    Case("encrypted PDF", pdf("a.pdf", text=MINUTES, password="hemligt"), Fails(ReadError, ("password",))),
    Case("truncated PDF", truncated_pdf, Fails(ReadError, ("not a readable PDF",))),
    Case("image-only PDF (a scan)", pdf("a.pdf", scan=True), Fails(ReadError, ("no text layer", "ocr"))),
    Case("empty .pdf file", write("a.pdf", b""), Fails(ReadError, ("not a readable PDF",))),
    Case("text named .pdf", write("a.pdf", MINUTES), Fails(ReadError, ("not a readable PDF",))),
    Case("DOCX", docx("a.docx", MINUTES.split("\n\n")), OK(minutes_read_right)),
    Case("DOCX without text", docx("a.docx", []), Fails(ReadError, ("no text",))),
    Case("text named .docx", write("a.docx", MINUTES), Fails(ReadError, ("a.docx",))),
    # names that are not one readable file
    Case("unsupported suffix", write("a.md", MINUTES), Fails(ReadError, ("unsupported file type '.md'",))),
    Case("no suffix", write("README", MINUTES), Fails(ReadError, ("unsupported file type '(none)'",))),
    Case("missing file", lambda folder: folder / "typo.txt", Fails(FileNotFoundError, ("typo.txt",)),
         cli=Fails(FileNotFoundError, ("typo.txt", "not found"))),
    Case("dangling symlink", dangling_link, Fails(FileNotFoundError, ("gone.txt",)),
         cli=Fails(FileNotFoundError, ("gone.txt", "not found"))),
    Case("folder", folder_of_minutes, Fails(IsADirectoryError, ("minutes", "folder")), cli=OK(minutes_read_right)),
    Case("empty folder", empty_folder, Fails(IsADirectoryError, ("empty",)),
         cli=Fails(IsADirectoryError, ("empty", "a folder without .txt, .pdf, .docx files"))),
    # standard input (the CLI's "-"; the API has parse_text for a string)
    Case("stdin text", stdin(MINUTES), OK(minutes_read_right)),
    Case("stdin cp1252", stdin(MINUTES.encode("cp1252")), OK(minutes_read_right, warns="not UTF-8")),
    Case("stdin PDF", lambda folder: _fpdf(MINUTES), OK(minutes_read_right)),
    Case("stdin empty", stdin(b""), Fails(ReadError, ("-: cannot read: the file holds no text",))),
    Case("stdin binary", stdin(BINARY), Fails(ReadError, ("-: cannot read: binary content",))),
]  # fmt: skip


@pytest.fixture(scope="module")
def rules_nlp():
    """The rule components whose entities the cases check (the battery is about reading and
    failing, not about entities; the organisations component is left out for speed)."""
    nlp = famhbg_nlp.blank()
    for name in ("famhbg_municipalities", "famhbg_amounts", "famhbg_dates"):
        nlp.add_pipe(name)
    return nlp


@pytest.fixture
def cli_rules(monkeypatch, rules_nlp):
    """``famhbg extract --model rules`` with the rule pipeline built once for the module."""
    import famhbg_nlp.cli.extract as command

    monkeypatch.setattr(command, "load_model", lambda name: rules_nlp if name == "rules" else None)


def _check(expect: OK, protocol: Protocol) -> None:
    assert isinstance(protocol, Protocol)
    if expect.check is not None:
        expect.check(protocol)


@pytest.mark.parametrize("case", [c for c in CASES if not c.id.startswith("stdin")], ids=lambda c: c.id)
def test_api(case: Case, tmp_path: Path, rules_nlp):
    path = case.make(tmp_path)
    assert isinstance(path, Path)
    expect = case.api
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if isinstance(expect, Fails):
            with pytest.raises(expect.error) as raised:
                famhbg_nlp.parse(path, nlp=rules_nlp)
            message = str(raised.value)
            assert path.name in message, message  # the error names the file
            for word in expect.words:
                assert word.lower() in message.lower(), (word, message)
            return
        protocol = famhbg_nlp.parse(str(path), nlp=rules_nlp)
    _check(expect, protocol)
    assert protocol.path == str(path)
    read_warnings = [str(w.message) for w in caught if issubclass(w.category, famhbg_nlp.ReadWarning)]
    if expect.warns:
        assert any(expect.warns in w and path.name in w for w in read_warnings), read_warnings


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cli(case: Case, tmp_path: Path, cli_rules):
    made = case.make(tmp_path)
    name = "-" if isinstance(made, bytes) else str(made)
    result = runner.invoke(
        app, ["extract", name, "--model", "rules", "-q"], input=made if isinstance(made, bytes) else None
    )
    expect = case.cli if case.cli is not None else case.api
    if isinstance(expect, Fails):
        assert result.exit_code == 2, result.output
        assert result.stdout == "", "nothing written"
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert errors and errors[0].startswith(f"error: {name}"), result.stderr
        for word in expect.words:
            assert word.lower() in result.stderr.lower(), (word, result.stderr)
        assert "Traceback" not in result.stderr
        return
    assert result.exit_code == 0, result.output
    [document] = json.loads(result.stdout)
    protocol = Protocol.from_dict(document)
    _check(expect, protocol)
    if isinstance(made, Path) and made.is_file():
        assert protocol.path == name
    if expect.warns:
        assert any(line.startswith("warning: ") and expect.warns in line for line in result.stderr.splitlines())


def test_cli_batch_with_odd_inputs_writes_the_good_ones_and_exits_1(tmp_path, cli_rules):
    good = write("good.txt", MINUTES)(tmp_path)
    bad = [
        write("binary.txt", BINARY)(tmp_path),
        tmp_path / "missing.txt",
        write("enc.pdf", _fpdf(MINUTES, password="x"))(tmp_path),
    ]
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["extract", *map(str, [bad[0], good, *bad[1:]]), "--model", "rules", "-f", "jsonl", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()] == [str(good)]
    for path in bad:
        assert f"error: {path}: " in result.stderr
    assert "3 of 4 input(s) failed; the others were written." in result.stderr


# --- the API for text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,check",
    [
        ("", lambda p: p.entities == () and p.items == ()),
        (" \n\t ", lambda p: p.entities == ()),
        (MINUTES.replace("Åsa Ö", "Åsa\x00Ö"), lambda p: ("MUNICIPALITY", "Höör") in _labels(p)),
        (MINUTES + PROSE * 1_420 + "Avgiften är 5 000 kr.", lambda p: p.entities[-1].end == len(MINUTES) + 1_009_640),
        ("_" * 5000 + "\n" + MINUTES, lambda p: ("AMOUNT", "700 000 kr") in _labels(p)),
    ],
    ids=["empty", "whitespace", "NUL keeps offsets", "over max_length", "underscore run"],
)
def test_parse_text_takes_any_string(text, check, rules_nlp):
    protocol = famhbg_nlp.parse_text(text, nlp=rules_nlp)
    assert check(protocol)
    for entity in protocol.entities:  # offsets are offsets into the string given
        assert text[entity.start : entity.end].replace("\x00", " ") == entity.text


def test_parse_text_meeting_date(rules_nlp):
    text = "§ 1 Budget\n\natt bevilja 700 000 kr den 5 mars."
    assert famhbg_nlp.parse_text(text, nlp=rules_nlp).meeting_date is None
    protocol = famhbg_nlp.parse_text(text, nlp=rules_nlp, meeting_date="2021-02-20")
    assert str(protocol.meeting_date) == "2021-02-20"
    assert ("DATE", "5 mars") in _labels(protocol)
    assert next(e.value for e in protocol.entities if e.label == "DATE") == "2021-03-05"


@pytest.mark.parametrize(
    "call,error,words",
    [
        (lambda nlp: famhbg_nlp.parse_text(b"bytes", nlp=nlp), TypeError, "decode it first"),
        (lambda nlp: famhbg_nlp.parse_text("x", nlp=nlp, meeting_date="5 mars"), ValueError, "not an ISO date"),
        (lambda nlp: famhbg_nlp.parse(123, nlp=nlp), TypeError, "parse takes a path"),
        (lambda nlp: famhbg_nlp.parse("typo.txt", nlp=nlp), FileNotFoundError, "for a text use parse_text"),
        (lambda nlp: famhbg_nlp.parse("", nlp=nlp), ValueError, "not an empty string"),
    ],
    ids=["bytes", "bad meeting date", "a number", "a short string is a path", "an empty string"],
)
def test_api_misuse_raises_a_clear_error(call, error, words, rules_nlp):
    with pytest.raises(error, match=words):
        call(rules_nlp)


def test_parse_with_a_text_still_works_but_is_deprecated(rules_nlp):
    with pytest.deprecated_call(match="parse_text"):
        protocol = famhbg_nlp.parse(MINUTES, nlp=rules_nlp)
    minutes_read_right(protocol)
