"""Errors raised by the graph stage."""

from __future__ import annotations


class GraphError(Exception):
    """A graph operation failed; ``str()`` is a user-facing message."""


class QueryError(GraphError):
    """A SPARQL query is malformed or cannot be evaluated (the parser's message is kept)."""


class StoreError(GraphError):
    """A store cannot be opened, or the configured store kind is unknown."""


class BuildMissingError(GraphError):
    """No built graph exists yet where one was expected."""
