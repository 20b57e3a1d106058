"""POST /documents: a bearer token, size and type checks, refusal of broken files, atomic swap."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import TOKEN, data_files
from tests.conftest import CORPUS_FILES, RAW

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def writable(api_settings, tmp_path_factory):
    """A client over its own copy of the data and build folders, which uploads may change."""
    root = tmp_path_factory.mktemp("uploads")
    shutil.copytree(RAW, root / "raw")
    shutil.copytree(api_settings.build_dir, root / "build", symlinks=True)
    settings = api_settings.model_copy(update={"data_dir": root / "raw", "build_dir": root / "build"})
    with TestClient(create_app(settings)) as client:
        yield client, settings


def upload(client, name: str, content: bytes, headers=AUTH):
    return client.post("/documents", files={"file": (name, content, "text/plain")}, headers=headers)


def test_writes_need_the_token(writable):
    client, settings = writable
    before = data_files(settings)
    text = CORPUS_FILES["004"].read_bytes()
    missing = upload(client, "new.txt", text, headers={})
    assert missing.status_code == 401 and "bearer token" in missing.json()["error"]["message"]
    wrong = upload(client, "new.txt", text, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert data_files(settings) == before


def test_writes_are_disabled_without_a_configured_token(api_settings):
    settings = api_settings.model_copy(update={"api_token": None})
    with TestClient(create_app(settings)) as client:
        response = upload(client, "new.txt", b"x")
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "writes are disabled: no VGRAF_API_TOKEN is configured"


def test_broken_and_foreign_files_are_refused_and_change_nothing(writable):
    client, settings = writable
    before = data_files(settings)
    release = client.get("/health").json()["release"]
    empty = upload(client, "tom.txt", b"")
    assert empty.status_code == 400
    assert empty.json()["error"]["message"].startswith("tom.txt: ")
    not_a_plan = upload(client, "lista.txt", "Inköpslista\nmjölk\nägg\n".encode())
    assert not_a_plan.status_code == 400 and not_a_plan.json()["error"]["message"].startswith("lista.txt: ")
    image = upload(client, "bild.png", b"\x89PNG\r\n")
    assert image.status_code == 400 and ".png" in image.json()["error"]["message"]
    too_big = upload(client, "stor.txt", b"a" * 2_100_000)
    assert too_big.status_code == 413
    same_as_other = upload(client, "kopia.txt", CORPUS_FILES["004"].read_bytes())
    assert same_as_other.status_code == 409
    assert "004_d685a3b99da1e2b8.txt" in same_as_other.json()["error"]["message"]
    assert data_files(settings) == before
    assert client.get("/health").json()["release"] == release
    assert len(client.get("/units").json()) == 5


def test_a_good_upload_is_ingested_and_served(writable):
    client, settings = writable
    text = CORPUS_FILES["004"].read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[16].strip() == "Hägersten-Älvsjös hemtjänst"
    lines[16] = "Fruängens hemtjänst"
    response = upload(client, "fruangens-hemtjanst-vp-2025.txt", "\n".join(lines).encode("utf-8"))
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["document"], body["unit"], body["year"], body["documents"]) == (
        "vp-2025-fruangens-hemtjanst",
        "Fruängens hemtjänst",
        2025,
        6,
    )
    assert (settings.data_dir / "fruangens-hemtjanst-vp-2025.txt").exists()
    assert client.get("/health").json()["release"] == body["release"]
    assert "fruangens-hemtjanst" in [unit["id"] for unit in client.get("/units").json()]
    search = client.get("/search", params={"q": "måltidsombud", "unit": "Fruängens"}).json()
    assert search["results"] and search["results"][0]["unit"] == "Fruängens hemtjänst"
