"""Reader registry: picks a reader by file suffix; other readers can be registered."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import UnsupportedFormatError
from ingest.readers.base import Reader, SourceText
from ingest.readers.docx import DocxReader
from ingest.readers.pdf import PdfReader
from ingest.readers.txt import TextReader

_REGISTRY: dict[str, Reader] = {}


def register(reader: Reader) -> None:
    """Make ``reader`` handle every suffix it declares (later registrations win)."""
    for suffix in reader.suffixes:
        _REGISTRY[suffix.lower()] = reader


for _reader in (TextReader(), DocxReader(), PdfReader()):
    register(_reader)


def supported_suffixes() -> tuple[str, ...]:
    """Suffixes that have a reader, e.g. ``('.docx', '.pdf', '.txt')``."""
    return tuple(sorted(_REGISTRY))


def reader_for(path: Path) -> Reader:
    """The reader for ``path``'s suffix, or UnsupportedFormatError."""
    reader = _REGISTRY.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(
            path, f"unsupported file type '{path.suffix or '(none)'}'; vgraf reads {', '.join(supported_suffixes())}"
        )
    return reader


def read_document(path: Path) -> SourceText:
    """Read ``path`` with the reader registered for its suffix."""
    return reader_for(path).read(path)
