"""Embedding backends behind one interface, with a content-hash cache."""

from search.embeddings.base import Embedder
from search.embeddings.cache import EmbeddingCache
from search.embeddings.factory import EMBEDDERS, create_embedder

__all__ = ["EMBEDDERS", "Embedder", "EmbeddingCache", "create_embedder"]
