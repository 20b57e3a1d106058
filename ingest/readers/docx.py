"""Word reader: paragraphs and tables in body order, as the city's Word export looks as text.

Each paragraph becomes one line followed by a blank line and each table row one
tab-separated line, which is the layout of ``004`` in the corpus, so the same parser
handles both. Italic runs are kept as ``*emphasis*`` like the export does.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import ClassVar

from ingest.errors import BinaryContentError, EmptyDocumentError
from ingest.readers.base import SourceText, normalise_newlines


def _paragraph_text(paragraph) -> str:  # noqa: ANN001 - python-docx has no public types
    parts: list[str] = []
    for run in paragraph.runs:
        text = run.text
        if run.italic and text.strip():
            text = f"*{text.strip()}*"
        parts.append(text)
    return "".join(parts) if parts else paragraph.text


class DocxReader:
    """Reads ``.docx`` files with python-docx."""

    suffixes: ClassVar[tuple[str, ...]] = (".docx",)

    def read(self, path: Path) -> SourceText:
        """Extract body paragraphs and table rows in document order."""
        import docx  # imported here so the other readers work without python-docx loaded
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        if path.stat().st_size == 0:
            raise EmptyDocumentError(path, "the file is empty")
        if not zipfile.is_zipfile(path):
            raise BinaryContentError(path, "not a Word .docx file (it is not a ZIP package)")
        try:
            document = docx.Document(str(path))
        except Exception as error:  # python-docx raises several unrelated types
            raise BinaryContentError(path, f"not a readable Word .docx file ({error})") from error
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.extend([_paragraph_text(block), ""])
            elif isinstance(block, Table):
                for row in block.rows:
                    lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
                lines.append("")
        text = normalise_newlines("\n".join(lines))
        if not text.strip():
            raise EmptyDocumentError(path, "the document contains no text")
        return SourceText(text=text, format="docx")
