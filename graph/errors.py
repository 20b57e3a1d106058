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


class UpdateRefusedError(QueryError):
    """A SPARQL update was sent to a read-only endpoint."""


class NotAcceptableError(QueryError):
    """No result format the client accepts fits the query form."""


class QueryTimeoutError(QueryError):
    """A query ran past its time limit and was stopped."""


class ResultTooLargeError(QueryError):
    """A query's result is larger than the configured limit."""
