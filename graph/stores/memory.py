"""rdflib's in-memory store: the default, no files, fine for a district's documents."""

from __future__ import annotations

from typing import ClassVar

from rdflib import Graph
from rdflib.plugins.sparql.sparql import Query

from graph.parsing import prepare_query
from graph.stores.base import RdflibBackedStore


class MemoryStore(RdflibBackedStore):
    """rdflib ``Memory`` store, evaluated by rdflib's SPARQL engine."""

    name: ClassVar[str] = "memory"

    def __init__(self) -> None:
        super().__init__(Graph())

    def _prepare(self, sparql: str) -> Query:
        # rdflib's parser is not thread-safe: parse under the lock, evaluate outside it
        return prepare_query(sparql, dict(self.graph.namespaces()))

    def load(self, graph: Graph) -> None:
        """Replace the contents with ``graph`` (namespace prefixes included)."""
        fresh = Graph()
        for prefix, namespace in graph.namespaces():
            fresh.bind(prefix, namespace, override=True)
        fresh += graph
        self.graph = fresh
