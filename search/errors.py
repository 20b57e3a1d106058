"""Errors raised by the search stage."""

from __future__ import annotations


class SearchError(Exception):
    """A search could not be run; ``str()`` is a user-facing message."""


class EmbedderError(SearchError):
    """The configured embedding model cannot be loaded."""


class IndexMissingError(SearchError):
    """No search index has been built yet."""


class ChatError(SearchError):
    """A chat request cannot be answered as sent (the message says why)."""
