"""Oxigraph (pyoxigraph through oxrdflib): persistent on disk and faster on large corpora."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.errors import StoreError
from graph.stores.base import RdflibBackedStore


def _oxigraph_graph() -> Graph:
    # The default graph, so a store written by one process is seen by the next.
    return Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)


class OxigraphStore(RdflibBackedStore):
    """Oxigraph's SPARQL engine; in memory, or persistent in ``path``."""

    name: ClassVar[str] = "oxigraph"

    def __init__(self, path: Path | None = None) -> None:
        graph = _oxigraph_graph()
        if path is not None:
            try:
                graph.open(str(path), create=not path.exists())
            except (OSError, ValueError) as error:
                raise StoreError(f"cannot open the Oxigraph store in {path}: {error}") from error
        super().__init__(graph)
        self.path = path

    def load(self, graph: Graph) -> None:
        """Replace the contents with ``graph``, loading N-Triples in bulk."""
        self.graph.remove((None, None, None))
        data = graph.serialize(format="nt", encoding="utf-8")
        self.graph.parse(data=data, format="ox-nt")
        for prefix, namespace in graph.namespaces():
            self.graph.bind(prefix, namespace, override=True)
