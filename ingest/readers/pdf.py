"""PDF reader: rebuilds text lines from character positions with pdfplumber.

The parser reads empty table cells from runs of spaces and ends table-row
analyses at blank lines, so this reader keeps the space glyphs a PDF carries,
puts one space into a horizontal gap that has none, and turns a vertical gap of
more than one line into blank lines, page by page.
"""

from __future__ import annotations

from pathlib import Path
from statistics import median
from typing import ClassVar

from ingest.errors import BinaryContentError, EmptyDocumentError
from ingest.readers.base import SourceText, normalise_newlines

_SAME_LINE_TOLERANCE = 2.0  # points; characters whose tops differ less share a line


def _rows(chars: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - char["top"]) < _SAME_LINE_TOLERANCE:
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _page_lines(rows: list[list[dict]], top_margin: float, line_height: float) -> list[str]:
    if not rows:
        return []
    left = min(row[0]["x0"] for row in rows)
    lines: list[str] = []
    # Blank lines at the top of a page (a paragraph ending just before the page break)
    # are measured from the top margin that the other pages show.
    previous_top: float | None = top_margin - line_height
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        if previous_top is not None:
            skipped = round((row[0]["top"] - previous_top) / line_height) - 1
            lines.extend([""] * max(0, min(skipped, 3)))
        previous_top = row[0]["top"]
        width = median(c["x1"] - c["x0"] for c in row) or 1.0
        text = " " * max(0, round((row[0]["x0"] - left) / width))
        for before, char in zip([None, *row], row):
            if before is not None and before["text"] != " " and char["text"] != " ":
                if char["x0"] - before["x1"] > 0.3 * width:
                    text += " "
            text += char["text"]
        lines.append(text.rstrip())
    return lines


class PdfReader:
    """Reads ``.pdf`` files with pdfplumber."""

    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def read(self, path: Path) -> SourceText:
        """Extract text lines page by page."""
        import pdfplumber

        if path.stat().st_size == 0:
            raise EmptyDocumentError(path, "the file is empty")
        with path.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                raise BinaryContentError(path, "not a PDF file (it does not start with %PDF-)")
        try:
            with pdfplumber.open(str(path)) as pdf:
                pages = [_rows(page.chars) for page in pdf.pages]
        except Exception as error:  # pdfminer raises many unrelated types on broken files
            raise BinaryContentError(path, f"not a readable PDF ({error})") from error
        steps = [b[0]["top"] - a[0]["top"] for rows in pages for a, b in zip(rows, rows[1:])]
        line_height = median([step for step in steps if step > 0] or [12.0])
        top_margin = min((rows[0][0]["top"] for rows in pages if rows), default=0.0)
        text = "\n".join("\n".join(_page_lines(rows, top_margin, line_height)) for rows in pages)
        text = normalise_newlines(text)
        if not text.strip():
            raise EmptyDocumentError(path, "the PDF contains no extractable text (is it scanned?)")
        return SourceText(text=text, format="pdf")
