"""A built release of the bundled corpus in a private folder, served through FastAPI's TestClient."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.conftest import RAW
from vgraf.build import build
from vgraf.config import Settings

TOKEN = "test-token"


@pytest.fixture(scope="session")
def api_settings(tmp_path_factory, embedding_cache) -> Settings:
    """Settings over a copy of the bundled documents, built once (embeddings shared with the other tests)."""
    root = tmp_path_factory.mktemp("api")
    shutil.copytree(RAW, root / "raw")
    settings = Settings(
        data_dir=root / "raw",
        build_dir=root / "build",
        cache_dir=embedding_cache,
        api_token=TOKEN,
        sparql_timeout=3.0,
        sparql_max_rows=5000,
        max_body_bytes=20_000,
        max_upload_bytes=2_000_000,
        cors_origins=["https://yasgui.example"],
    )
    build(settings)
    return settings


@pytest.fixture(scope="module")
def client(api_settings) -> TestClient:
    """A client of the app over the built corpus (started and stopped once per test module)."""
    with TestClient(create_app(api_settings)) as test_client:
        yield test_client


def data_files(settings: Settings) -> dict[str, bytes]:
    """The data folder's files and their bytes, to show an upload changed nothing."""
    return {path.name: path.read_bytes() for path in sorted(Path(settings.data_dir).iterdir())}
