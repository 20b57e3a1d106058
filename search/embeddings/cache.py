"""Embeddings cached by content hash, so an unchanged passage is never embedded twice."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from search.embeddings.base import Embedder

_BATCH = 32


def content_hash(text: str) -> str:
    """Key of a text in the cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """``<folder>/<embedder key>.npz``: text hash → vector, written atomically."""

    def __init__(self, folder: Path, embedder: Embedder) -> None:
        self.path = folder / f"{embedder.key}.npz"
        self.embedder = embedder
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path) as data:
                self.vectors = {key: data[key] for key in data.files}
        self.embedded = 0  # how many texts the last call had to embed

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for ``texts``, embedding only those not cached (with a progress bar on a terminal)."""
        keys = [content_hash(text) for text in texts]
        missing = sorted({key: text for key, text in zip(keys, texts) if key not in self.vectors}.items())
        self.embedded = len(missing)
        progress = None
        if missing and sys.stderr.isatty():
            from tqdm import tqdm

            progress = tqdm(total=len(missing), desc="embedding passages", unit="passage", file=sys.stderr)
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            vectors = self.embedder.embed_passages([text for _, text in batch])
            for (key, _), vector in zip(batch, vectors):
                self.vectors[key] = vector
            if progress:
                progress.update(len(batch))
        if progress:
            progress.close()
        if missing:
            self._save()
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([self.vectors[key] for key in keys]).astype(np.float32)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".npz", dir=self.path.parent)
        os.close(handle)
        try:
            np.savez(temporary, **self.vectors)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
