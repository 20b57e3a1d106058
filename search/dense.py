"""FAISS inner-product index over normalised passage vectors: exact by default, HNSW for large corpora."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

INDEX_KINDS = ("flat", "hnsw")


def build_index(vectors: np.ndarray, kind: str = "flat") -> faiss.Index:
    """An exact (``flat``) or approximate (``hnsw``) inner-product index of ``vectors``."""
    dim = vectors.shape[1]
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = 128
    elif kind == "flat":
        index = faiss.IndexFlatIP(dim)
    else:
        raise ValueError(f"unknown FAISS index '{kind}'; choose one of {', '.join(INDEX_KINDS)}")
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def dense_scores(index: faiss.Index, query: np.ndarray, size: int) -> np.ndarray:
    """Cosine similarity of the query to every passage (−inf where the index returned none)."""
    scores = np.full(size, -np.inf, dtype=np.float32)
    found, ids = index.search(np.ascontiguousarray(query[None, :], dtype=np.float32), size)
    valid = ids[0] >= 0
    scores[ids[0][valid]] = found[0][valid]
    return scores


def save_index(index: faiss.Index, path: Path) -> None:
    """Write the index to ``path``."""
    faiss.write_index(index, str(path))


def load_index(path: Path) -> faiss.Index:
    """Read an index written by :func:`save_index`."""
    return faiss.read_index(str(path))
