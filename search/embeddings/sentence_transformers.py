"""Any sentence-transformers model, by name or local path (e5-family prefixes handled)."""

from __future__ import annotations

import os
import re

import numpy as np

from search.embeddings.base import normalise
from search.errors import EmbedderError


def _is_e5(name: str) -> bool:
    return bool(re.search(r"(^|[/_-])e5([/_-]|$)", name.lower()))


class SentenceTransformerEmbedder:
    """Loads ``name_or_path`` without touching the network unless the user allows it."""

    def __init__(self, name_or_path: str, batch_size: int = 32, key: str | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never download at run time unless asked to
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as error:  # missing files, offline hub, bad config
            raise EmbedderError(
                f"cannot load the sentence-transformers model '{name_or_path}': {error}. "
                "Give a local path, or download the model first (HF_HUB_OFFLINE=0)."
            ) from error
        self.key = key or "st-" + re.sub(r"[^a-z0-9]+", "-", name_or_path.lower()).strip("-")[-80:]
        model = self._model
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self._e5 = _is_e5(name_or_path)
        self._batch_size = batch_size

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prefixed = [f"passage: {text}" for text in texts] if self._e5 else texts
        return normalise(self._model.encode(prefixed, batch_size=self._batch_size, show_progress_bar=False))

    def embed_query(self, text: str) -> np.ndarray:
        query = f"query: {text}" if self._e5 else text
        return normalise(self._model.encode([query], show_progress_bar=False))[0]
