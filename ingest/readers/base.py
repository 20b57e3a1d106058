"""The reader interface: a file in, plain text of the kind the parser handles out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol


@dataclass(frozen=True)
class SourceText:
    """Text extracted from one file, with anything the reader had to guess."""

    text: str
    format: str
    warnings: list[str] = field(default_factory=list)


class Reader(Protocol):
    """Reads one file format. Implementations raise ``ingest.errors.IngestError``."""

    suffixes: ClassVar[tuple[str, ...]]

    def read(self, path: Path) -> SourceText:
        """Return the file's text with lines separated by ``\\n``."""
        ...


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
