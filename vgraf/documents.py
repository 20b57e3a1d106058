"""Adding a document: parse it first, then add it to the data folder and rebuild, or leave everything as it was."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BuildMissingError
from ingest import IngestError, ParsedDocument, ingest_file
from ingest.errors import UnsupportedFormatError
from ingest.readers import supported_suffixes
from vgraf.build import BuildResult, build, current_release
from vgraf.config import Settings

_SAFE_NAME = re.compile(r"[^\w.-]+", re.UNICODE)


class DocumentConflictError(IngestError):
    """The upload is the same document (unit, year, kind) as another file already in the data folder."""


@dataclass
class AddedDocument:
    """The parsed upload, where it was stored, and the build that now includes it."""

    parsed: ParsedDocument
    path: Path
    build: BuildResult
    replaced: bool


def safe_filename(filename: str) -> str:
    """The upload's own name without folders or odd characters ("../x y.txt" → "x_y.txt")."""
    name = _SAFE_NAME.sub("_", Path(filename.replace("\\", "/")).name).strip("._")
    return name or "document"


def add_document(settings: Settings, filename: str, content: bytes) -> AddedDocument:
    """Parse ``content`` as ``filename``; if it parses, store it in the data folder and rebuild.

    The file is parsed before anything is touched (IngestError with the parser's message
    otherwise). It is written under a temporary name and renamed into place; if the
    rebuild fails, the data folder is put back as it was and the published release is
    untouched (builds publish atomically). A file of the same name is replaced.
    """
    name = safe_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in supported_suffixes():
        raise UnsupportedFormatError(
            filename,
            f"cannot read {suffix or 'files without a suffix'}; upload one of {', '.join(supported_suffixes())}",
        )
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vgraf-upload-") as folder:
        candidate = Path(folder) / name
        candidate.write_bytes(content)
        try:
            parsed = ingest_file(candidate)
        except IngestError as error:
            raise type(error)(filename, error.reason) from error
        target = data_dir / name
        _check_conflict(settings, parsed, target)
        backup = None
        if target.exists():
            backup = Path(folder) / f"previous-{name}"
            shutil.copy2(target, backup)
        staged = data_dir / f".{name}.uploading"
        staged.write_bytes(content)
        os.replace(staged, target)
        try:
            result = build(settings)
        except BaseException:
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
            raise
    return AddedDocument(parsed=parsed, path=target, build=result, replaced=backup is not None)


def _check_conflict(settings: Settings, parsed: ParsedDocument, target: Path) -> None:
    """Refuse an upload that is another file's document (the build would keep only one of them).

    The published release holds one JSON per document, named by its id, so the check
    reads one small file instead of parsing the whole data folder.
    """
    try:
        release = current_release(settings)
    except BuildMissingError:
        return
    existing = release / "documents" / f"{parsed.document.id}.json"
    if not existing.exists():
        return
    source = Path(json.loads(existing.read_text(encoding="utf-8"))["document"]["source"].replace("\\", "/")).name
    if source != target.name and (settings.data_dir / source).exists():
        raise DocumentConflictError(
            target.name,
            f"is the same document ({parsed.document.id}) as {source}; upload it under that file name to replace it",
        )
