"""``extract_dataset`` on a local Ray with 2 workers: ~50 files (real minutes, a DOCX, PDFs, bad files)
to Parquet, read back with pyarrow, pandas and ``datasets``; a rerun skips what is done and retries
what failed; ``famhbg extract --engine ray``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ray = pytest.importorskip("ray")

from typer.testing import CliRunner  # noqa: E402

from famhbg_nlp import extract_dataset  # noqa: E402
from famhbg_nlp.extract import Extraction, extract_files  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared"
MINUTES = sorted((SHARED / "minutes").glob("*.txt"))[:42]

#: Files that cannot be extracted, and a word of the reason each must give.
BAD = {
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "empty.txt": (b"", "no text"),
    "broken.pdf": (b"%PDF-1.4\nnot really a pdf", "PDF"),
    "broken.docx": (b"PK\x03\x04 not really a docx", "DOCX"),
}
#: Not UTF-8, but readable (as cp1252, with a warning).
CP1252 = "Protokoll Kommunstyrelsen i Åmål 2021-03-04. Närvarande: Anna Berg, Säffle.".encode("cp1252")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for path in MINUTES:
        shutil.copy(path, folder / path.name)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "cp1252.txt").write_bytes(CP1252)
    from famhbg_nlp.testing import minutes_from_text
    from famhbg_nlp.testing.word import write_docx

    write_docx(minutes_from_text(MINUTES[0].read_text(encoding="utf-8"), seed=1), folder / "word.docx")
    return folder


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Two minutes PDFs with pages (needs fonts with å, ä, ö, as the reader's tests do)."""
    from famhbg_nlp.testing import minutes_from_text
    from famhbg_nlp.testing.fonts import find_fonts
    from famhbg_nlp.testing.system import write_system_pdf

    if find_fonts() is None:
        pytest.skip("no fonts with å, ä, ö to build PDFs (apt-get install fonts-liberation2)")
    folder = tmp_path_factory.mktemp("pdfs")
    for k, path in enumerate(MINUTES[1:3]):
        minutes = minutes_from_text(path.read_text(encoding="utf-8"), seed=k)
        write_system_pdf(minutes, folder / f"system-{k}.pdf", scan=False, esign=False)
    return folder


@pytest.fixture(scope="module")
def first_run(local_ray, corpus, pdfs, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    seen = []
    summary = extract_dataset([corpus, pdfs], out, num_workers=2, batch_size=8, progress=seen.append)
    return out, summary, seen


def test_summary_counts_every_file(first_run, corpus, pdfs):
    out, summary, seen = first_run
    files = len(list(corpus.iterdir())) + len(list(pdfs.iterdir()))
    assert files >= 50
    assert (summary.files, summary.documents, summary.failures, summary.skipped, summary.lost) == (
        files,
        files - len(BAD),
        len(BAD),
        0,
        0,
    )
    assert summary.workers == 2 and summary.entities > 1000 and summary.pages >= 2
    assert seen and seen[-1].seen == files and seen[-1].documents == summary.documents


def test_tables_read_back_with_pyarrow_pandas_and_datasets(first_run):
    import datasets

    out, summary, _ = first_run
    documents = pq.read_table(out / "documents").to_pandas()
    entities = pq.read_table(out / "entities").to_pandas()
    assert len(documents) == summary.documents and documents["id"].is_unique
    assert len(entities) == summary.entities == documents["entities"].sum()
    assert set(entities["document_id"]) <= set(documents["id"])
    assert set(entities["label"]) == {"PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT"}
    loaded = datasets.load_dataset("parquet", data_files={"train": str(out / "entities" / "*.parquet")})["train"]
    assert loaded.num_rows == len(entities) and loaded.column_names == list(entities.columns)
    dated = documents.dropna(subset=["meeting_date"])
    assert len(dated) > len(documents) // 2 and dated["meeting_date"].str.fullmatch(r"\d{4}-\d\d-\d\d").all()


def test_failures_name_the_file_and_the_reason(first_run, corpus):
    out, _, _ = first_run
    failures = {Path(row["path"]).name: row["reason"] for row in pq.read_table(out / "failures").to_pylist()}
    assert failures.keys() == BAD.keys()
    for name, (_, word) in BAD.items():
        assert word in failures[name], failures[name]
    documents = pq.read_table(out / "documents").to_pandas().set_index("path")
    assert "cp1252" in json.loads(documents.loc[str(corpus / "cp1252.txt"), "reader_warnings"])[0]


def test_entities_are_those_of_the_local_engine(first_run, corpus):
    """Offsets into the text as read, values as JSON: the same as ``extract_files`` in this process."""
    out, _, _ = first_run
    entities = pq.read_table(out / "entities").to_pylist()
    ids = dict(zip(*pq.read_table(out / "documents", columns=["path", "id"]).to_pydict().values()))
    paths = [corpus / MINUTES[k].name for k in (0, 7, 21)] + [corpus / "word.docx"]
    for result in extract_files(paths):
        assert isinstance(result, Extraction)
        rows = sorted(
            (r for r in entities if r["document_id"] == ids[result.path]), key=lambda r: (r["start"], r["end"])
        )
        expected = [(e.start, e.end, e.label, e.text, e.value) for e in result.protocol.entities]
        got = [(r["start"], r["end"], r["label"], r["text"], json.loads(r["value"] or "null")) for r in rows]
        assert got == expected
        assert all(result.text[start:end] == text for start, end, _, text, _ in got)


def test_pdf_entities_carry_pages(first_run, pdfs):
    out, _, _ = first_run
    documents = pq.read_table(out / "documents").to_pandas()
    pdf_docs = documents[documents["path"].str.endswith(".pdf")]
    assert len(pdf_docs) == 2 and (pdf_docs["pages"] >= 2).all()
    entities = pq.read_table(out / "entities").to_pandas()
    pages = entities[entities["document_id"].isin(pdf_docs["id"])]["page"]
    assert pages.notna().all() and pages.max() >= 2


def test_rerun_skips_done_files_and_retries_failures(first_run, corpus, pdfs):
    out, first, _ = first_run
    (corpus / "empty.txt").write_text("Protokoll för Kommunstyrelsen i Bjuv den 3 maj 2021.\n", encoding="utf-8")
    try:
        again = extract_dataset([corpus, pdfs], out, num_workers=2, batch_size=8, progress=False)
    finally:
        (corpus / "empty.txt").write_bytes(b"")
    assert (again.documents, again.skipped, again.failures) == (1, first.documents, len(BAD) - 1)
    documents = pq.read_table(out / "documents").to_pandas()
    assert len(documents) == first.documents + 1 and documents["hash"].is_unique
    failures = {Path(p).name for p in pq.read_table(out / "failures").column("path").to_pylist()}
    assert failures == set(BAD) - {"empty.txt"}
    assert pq.read_table(out / "manifest").num_rows == first.documents + 1


def test_cli_engine_ray(local_ray, corpus, tmp_path):
    from famhbg_nlp.cli import app

    out = tmp_path / "tables"
    inputs = [str(corpus / MINUTES[0].name), str(corpus / "binary.txt")]
    result = CliRunner().invoke(app, ["extract", *inputs, "--engine", "ray", "-j", "2", "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output  # one input failed, the other was written
    assert pq.read_table(out / "documents").column("path").to_pylist() == [str(corpus / MINUTES[0].name)]
    missing = CliRunner().invoke(app, ["extract", inputs[0], "--engine", "ray"])
    assert missing.exit_code == 2 and "-o FOLDER" in missing.output
