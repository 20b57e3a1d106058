"""Oxigraph (pyoxigraph through oxrdflib): persistent on disk and faster on large corpora."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pyoxigraph
from oxrdflib import OxigraphStore as OxrdflibStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.errors import StoreError
from graph.stores.base import RdflibBackedStore


def _oxigraph_graph(store: OxrdflibStore | str = "Oxigraph") -> Graph:
    # The default graph, so a store written by one process is seen by the next.
    return Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID)


class OxigraphStore(RdflibBackedStore):
    """Oxigraph's SPARQL engine; in memory, or persistent in ``path``."""

    name: ClassVar[str] = "oxigraph"

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        """A store in memory, or in ``path``; ``read_only`` lets many processes open the same files."""
        try:
            if read_only:
                if path is None or not path.exists():
                    raise StoreError(f"no Oxigraph store to open read-only in {path}")
                graph = _oxigraph_graph(OxrdflibStore(store=pyoxigraph.Store.read_only(str(path))))
            else:
                graph = _oxigraph_graph()
                if path is not None:
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
