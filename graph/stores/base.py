"""The store interface: load a graph, answer SPARQL, report its size.

Every backend goes through rdflib's query API, so results are ``rdflib.query.Result``
objects whatever the engine (rdflib's own evaluator or Oxigraph through oxrdflib),
and the same queries give the same answers (``tests/graph/test_queries.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Protocol

from rdflib import Graph
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from graph.errors import QueryError


class GraphStore(Protocol):
    """A triple store holding one built graph."""

    name: ClassVar[str]

    def load(self, graph: Graph) -> None:
        """Replace the store's contents with ``graph``."""
        ...

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
        """Evaluate a SPARQL query; ``bindings`` pre-bind variables (never formatted into the text).

        A bound variable must appear in the SELECT projection: Oxigraph substitutes
        bindings as SPARQL SEP-0007 defines, which requires it.
        """
        ...

    def __len__(self) -> int:
        """Number of triples."""
        ...

    def close(self) -> None:
        """Release files and memory."""
        ...


class RdflibBackedStore:
    """Shared behaviour of stores that wrap an ``rdflib.Graph``."""

    name: ClassVar[str] = ""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def _prepare(self, sparql: str) -> str | Query:
        """What the engine is given: the text (Oxigraph parses it itself) unless a backend says otherwise."""
        return sparql

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Result:
        """Evaluate ``sparql``; parser and evaluation errors become QueryError."""
        try:
            return self.graph.query(self._prepare(sparql), initBindings=dict(bindings or {}))
        except Exception as error:  # pyparsing, Oxigraph's SyntaxError, rdflib's own errors
            raise QueryError(f"the SPARQL query failed: {type(error).__name__}: {error}") from error

    def __len__(self) -> int:
        return len(self.graph)

    def close(self) -> None:
        self.graph.close()
