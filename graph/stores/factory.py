"""Store registry: the kind is chosen by configuration (VGRAF_STORE=memory|oxigraph)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from graph.build import bind_prefixes
from graph.errors import BuildMissingError, StoreError
from graph.stores.base import GraphStore
from graph.stores.memory import MemoryStore
from graph.stores.oxigraph import OxigraphStore

STORE_KINDS = ("memory", "oxigraph")


def create_store(kind: str, path: Path | None = None) -> GraphStore:
    """A new store of ``kind``; ``path`` makes an Oxigraph store persistent."""
    if kind == "memory":
        return MemoryStore()
    if kind == "oxigraph":
        return OxigraphStore(path)
    raise StoreError(f"unknown store '{kind}'; choose one of {', '.join(STORE_KINDS)} (VGRAF_STORE)")


def open_release_store(kind: str, release: Path, base_iri: str | None = None) -> GraphStore:
    """The graph of a built release in a store of ``kind``.

    Oxigraph opens the release's on-disk store read-only where one was built (so
    several processes can share it); otherwise ``graph.nt`` is loaded.
    """
    if kind == "oxigraph" and (release / "oxigraph").exists():
        return OxigraphStore(release / "oxigraph", read_only=True)
    source = release / "graph.nt"
    if not source.exists():
        raise BuildMissingError(f"no graph in {release}; run `vgraf build` first")
    store = create_store(kind)
    graph = Graph()
    graph.parse(source, format="nt")
    bind_prefixes(graph, base_iri)
    store.load(graph)
    return store
