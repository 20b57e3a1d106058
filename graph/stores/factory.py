"""Store registry: the kind is chosen by configuration (VGRAF_STORE=memory|oxigraph)."""

from __future__ import annotations

from pathlib import Path

from graph.errors import StoreError
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
