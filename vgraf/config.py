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
    debug: bool = False


def get_settings() -> Settings:
    """Settings from the environment, read fresh on every call."""
    return Settings()
