"""Plain-text reader: UTF-8 (with or without BOM), CRLF, and Windows-1252/Latin-1 with a warning."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import ClassVar

from ingest.errors import BinaryContentError, EmptyDocumentError, UnknownEncodingError
from ingest.readers.base import SourceText, normalise_newlines

# Characters Swedish planning text plausibly contains once decoded. A text decoded with the
# wrong codec shows up as a high share of other symbols (e.g. "Ã¥" for "å").
_PLAUSIBLE_EXTRA = set("åäöÅÄÖéÉüÜ§%–—”“’‘•…€°½²³·«»\t\n ")
_MAX_IMPLAUSIBLE_SHARE = 0.01


def _implausible_share(text: str) -> float:
    bad = 0
    for char in text:
        if char.isascii() and (char.isprintable() or char in "\t\n"):
            continue
        if char in _PLAUSIBLE_EXTRA:
            continue
        if char.isalpha() and 0xC0 <= ord(char) <= 0xFF:
            # Latin-1 letters with diacritics (names, loan words) are fine; mojibake pairs
            # such as "Ã¥" are caught by the double-encoding check instead.
            continue
        bad += 1
    return bad / max(len(text), 1)


def decode_text(raw: bytes, source: Path | str) -> SourceText:
    """Decode bytes as the city's exports are encoded; raise a clear error otherwise."""
    if not raw.strip():
        raise EmptyDocumentError(source, "the file is empty")
    if b"\x00" in raw[:4096]:
        raise BinaryContentError(source, "the file is binary, not text (it contains NUL bytes)")
    warnings: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="strict")
        encoding = "utf-8-sig"
    else:
        try:
            text = raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
                encoding = "cp1252"
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
                encoding = "latin-1"
            warnings.append(f"not UTF-8; decoded as {encoding} (Windows/Latin-1 Swedish text)")
    if "Ã" in text and any(pair in text for pair in ("Ã¥", "Ã¤", "Ã¶", "Ã…", "Ã„", "Ã–")):
        raise UnknownEncodingError(source, "the text is double-encoded UTF-8 (shows 'Ã¤' for 'ä')")
    text = normalise_newlines(text)
    share = _implausible_share(text)
    if share > _MAX_IMPLAUSIBLE_SHARE:
        control = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r")
        if control / max(len(text), 1) > _MAX_IMPLAUSIBLE_SHARE:
            raise BinaryContentError(source, "the file is binary, not text (mostly control bytes)")
        raise UnknownEncodingError(
            source,
            f"unknown encoding: {share:.0%} of the characters are not Swedish text "
            f"when decoded as {encoding}; save the file as UTF-8",
        )
    return SourceText(text=text, format="txt", warnings=warnings)


class TextReader:
    """Reads ``.txt`` exports."""

    suffixes: ClassVar[tuple[str, ...]] = (".txt",)

    def read(self, path: Path) -> SourceText:
        """Decode the file; see :func:`decode_text`."""
        return decode_text(path.read_bytes(), path)
