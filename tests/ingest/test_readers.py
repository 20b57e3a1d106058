"""Readers: encodings of .txt, and .docx/.pdf files generated from the corpus text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import ingest_file, parse_text
from ingest.errors import BinaryContentError, EmptyDocumentError, UnknownEncodingError, UnsupportedFormatError
from ingest.metadata import load_sidecar
from ingest.readers import read_document, supported_suffixes
from ingest.readers.txt import decode_text
from tests.conftest import CORPUS_FILES
from tests.ingest.helpers import extracted_content


def test_supported_suffixes():
    assert supported_suffixes() == (".docx", ".pdf", ".txt")


def test_utf8_bom_and_crlf_give_the_same_text():
    raw = CORPUS_FILES["002"].read_bytes()
    plain = decode_text(raw, "x.txt")
    bom_crlf = decode_text(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"), "x.txt")
    assert bom_crlf.text == plain.text
    assert bom_crlf.warnings == []


def test_cp1252_is_decoded_with_a_warning():
    text = CORPUS_FILES["004"].read_text(encoding="utf-8")
    source = decode_text(text.encode("cp1252"), "x.txt")
    assert source.text == text
    assert source.warnings == ["not UTF-8; decoded as cp1252 (Windows/Latin-1 Swedish text)"]


def test_latin1_bytes_outside_cp1252_still_decode():
    text = "Nämndmål: Äldre får stöd i vardagen och känner sig trygga.\n" * 5
    source = decode_text(text.encode("latin-1") + b"\x81\n", "x.txt")
    assert source.text.startswith("Nämndmål: Äldre får stöd")
    assert "latin-1" in source.warnings[0]


@pytest.mark.parametrize(
    ("raw", "error", "reason"),
    [
        (b"", EmptyDocumentError, "the file is empty"),
        (b"  \n\n \t\n", EmptyDocumentError, "the file is empty"),
        (bytes(range(256)) * 8, BinaryContentError, "binary"),
        ("Nämndmål: Äldre får stöd".encode("utf-16"), BinaryContentError, "binary"),
        ("Nämndmål: Äldre får stöd".encode("utf-8").decode("latin-1").encode("utf-8"), UnknownEncodingError, "Ã¤"),
        ("Отчёт о работе учреждения за год".encode("koi8-r") * 5, UnknownEncodingError, "unknown encoding"),
    ],
)
def test_bad_text_is_refused_with_a_reason(raw, error, reason):
    with pytest.raises(error) as caught:
        decode_text(raw, "bad.txt")
    assert caught.value.source == "bad.txt"
    assert reason in str(caught.value)


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "plan.odt"
    path.write_text("x")
    with pytest.raises(UnsupportedFormatError, match="unsupported file type '.odt'"):
        read_document(path)


# --- .docx ------------------------------------------------------------------------------


def write_docx_from_export(text: str, path: Path) -> None:
    """A Word document with the export's paragraphs and tab-separated rows as real tables."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush_table() -> None:
        if not rows:
            return
        table = document.add_table(rows=0, cols=max(len(row) for row in rows))
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = value
        rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            if re.search(r"\t\d+$", line) and not rows:
                flush_table()
                document.add_paragraph(line)  # table of contents entry
                continue
            rows.append(line.split("\t"))
            continue
        flush_table()
        if not line.strip():
            continue
        paragraph = document.add_paragraph()
        for piece in re.split(r"(\*[^*]+\*)", line):
            if piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                paragraph.add_run(piece[1:-1]).italic = True
            elif piece:
                paragraph.add_run(piece)
    flush_table()
    document.save(str(path))


def test_docx_generated_from_the_word_export_parses_like_the_text(tmp_path, corpus):
    path = tmp_path / "hemtjanst.docx"
    write_docx_from_export(CORPUS_FILES["004"].read_text(encoding="utf-8"), path)
    source = read_document(path)
    assert source.format == "docx"
    assert "Enhetsmål: *Enheten arbetar för att kunden ska vara delaktig" in source.text
    assert "Indikator\tÅrsmål\tKF:s årsmål år 2025\tPeriodicitet" in source.text
    parsed = ingest_file(path)
    assert parsed.document.unit == "Hägersten-Älvsjös hemtjänst"
    assert parsed.document.year == 2025
    assert extracted_content(parsed) == extracted_content(corpus["004"])
    assert parsed.warnings == []


def test_broken_docx_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(BinaryContentError, match="not a Word .docx file"):
        read_document(path)


# --- .pdf -------------------------------------------------------------------------------


def write_pdf_from_export(text: str, path: Path, lines_per_page: int = 64) -> None:
    """A PDF that lays the export's lines out in Courier, page by page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    lines = text.split("\n")
    for start in range(0, len(lines), lines_per_page):
        pdf.setFont("Courier", 7)
        y = 800.0
        for line in lines[start : start + lines_per_page]:
            if line.strip():
                pdf.drawString(30, y, line.rstrip())
            y -= 12
        pdf.showPage()
    pdf.save()


@pytest.mark.parametrize(
    ("number", "row"),
    [
        ("002", "Sjukfrånvaro 7,7 %   6,2 % 9,5 % Tas fram"),
        ("003", "Sjukfrånvaro 11,5 %   12,4 %  Tas fram"),
    ],
)
def test_pdf_generated_from_the_corpus_parses_like_the_text(tmp_path, corpus, number, row):
    path = tmp_path / f"{number}.pdf"
    write_pdf_from_export(CORPUS_FILES[number].read_text(encoding="utf-8"), path)
    source = read_document(path)
    assert source.format == "pdf"
    assert row in source.text.split("\n")  # the runs of spaces that mark empty cells survive
    # the sidecar lies beside the corpus file, not beside the generated PDF
    parsed = parse_text(source.text, path, load_sidecar(CORPUS_FILES[number]))
    assert extracted_content(parsed) == extracted_content(corpus[number])
    assert parsed.warnings == []


def test_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not a pdf body")
    with pytest.raises(BinaryContentError):
        read_document(path)
    path.write_bytes(b"hello")
    with pytest.raises(BinaryContentError, match="does not start with %PDF-"):
        read_document(path)
