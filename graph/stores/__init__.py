"""Triple stores behind one interface: rdflib in memory (default) and Oxigraph."""

from graph.stores.base import GraphStore
from graph.stores.factory import STORE_KINDS, create_store, open_release_store

__all__ = ["STORE_KINDS", "GraphStore", "create_store", "open_release_store"]
