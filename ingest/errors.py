"""Errors raised by the ingest stage. Each names the file and the reason."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A document could not be read or parsed; ``str()`` is a user-facing message."""

    def __init__(self, source: Path | str, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class UnsupportedFormatError(IngestError):
    """No reader is registered for the file's suffix."""


class EmptyDocumentError(IngestError):
    """The file holds no text."""


class BinaryContentError(IngestError):
    """The file is not text (or not the format its suffix claims)."""


class UnknownEncodingError(IngestError):
    """The bytes decode as neither UTF-8 nor Windows-1252/Latin-1 Swedish text."""


class NotAPlanError(IngestError):
    """The text is not a verksamhetsplan or verksamhetsberättelse."""


class TruncatedDocumentError(IngestError):
    """The document stops part-way (inside a table row or before its closing sections)."""


class MissingMetadataError(IngestError):
    """Unit, year or kind cannot be read from the text and no sidecar supplies it."""


class SidecarError(IngestError):
    """A ``.meta.toml``/``.meta.json`` sidecar exists but is malformed."""
