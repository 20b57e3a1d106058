"""Ingest: read VP/VB documents (.txt, .docx, .pdf) and parse them into the document model."""

from ingest.errors import IngestError
from ingest.models import ParsedDocument
from ingest.pipeline import IngestReport, ingest_file, ingest_paths, parse_text

__all__ = ["IngestError", "IngestReport", "ParsedDocument", "ingest_file", "ingest_paths", "parse_text"]
