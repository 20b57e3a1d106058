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


def _oxigraph_graph(store: OxrdflibStore) -> Graph:
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
                self._ox = pyoxigraph.Store.read_only(str(path))
            else:
                self._ox = pyoxigraph.Store(str(path)) if path is not None else pyoxigraph.Store()
        except (OSError, ValueError) as error:
            raise StoreError(f"cannot open the Oxigraph store in {path}: {error}") from error
        super().__init__(_oxigraph_graph(OxrdflibStore(store=self._ox)))
        self.path, self.read_only = path, read_only

    def load(self, graph: Graph) -> None:
        """Replace the contents with ``graph``, bulk-loaded as N-Triples."""
        self._ox.clear()
        self._ox.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
        for prefix, namespace in graph.namespaces():
            self.graph.bind(prefix, namespace, override=True)

    def close(self) -> None:
        """Flush a persistent store's write-ahead log to its data files before closing.

        Without the flush every later opening replays the log (about 50 s for 1.7 million
        triples); with it a read-only opening takes milliseconds.
        """
        if self.path is not None and not self.read_only:
            self._ox.flush()
            self._ox.optimize()
        super().close()
