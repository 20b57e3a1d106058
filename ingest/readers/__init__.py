"""Readers turn .txt, .docx and .pdf files into the plain text the parser handles."""

from ingest.readers.base import Reader, SourceText
from ingest.readers.factory import read_document, reader_for, register, supported_suffixes

__all__ = ["Reader", "SourceText", "read_document", "reader_for", "register", "supported_suffixes"]
