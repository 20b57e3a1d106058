"""Graph: the RDF knowledge graph built from parsed documents, its stores and views."""

from graph.build import build_graph
from graph.errors import GraphError, QueryError

__all__ = ["GraphError", "QueryError", "build_graph"]
