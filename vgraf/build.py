"""`vgraf build`: ingest → graph → search index, written as a release that replaces the previous one atomically.

A build is written into a temporary folder under ``<build_dir>/releases/`` and
only then published by pointing the ``<build_dir>/current`` symlink at it with
one atomic rename, so a crash never leaves a half-built release and a reader
never sees one. Releases are named by the hash of their graph, so building the
same input twice gives the same release.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from graph.build import build_graph
from graph.errors import BuildMissingError, GraphError
from graph.iris import Iris
from graph.stores import GraphStore, create_store, open_release_store
from ingest import IngestError, ingest_paths
from search.embeddings import EmbeddingCache, create_embedder
from search.passages import build_passages
from search.searcher import Searcher
from vgraf.config import Settings

GRAPH_FORMATS = {"ttl": ("turtle", "graph.ttl"), "nt": ("nt", "graph.nt"), "jsonld": ("json-ld", "graph.jsonld")}
_KEEP_RELEASES = 2


@dataclass
class BuildResult:
    """What a build produced."""

    release: Path
    documents: int
    triples: int
    failures: list[IngestError]
    changed: bool
    passages: int = 0
    embedded: int = 0


def current_release(settings: Settings) -> Path:
    """The published release folder (BuildMissingError if nothing is built yet)."""
    current = settings.build_dir / "current"
    if not current.exists():
        raise BuildMissingError(f"nothing is built yet in {settings.build_dir}; run `vgraf build` first")
    return current.resolve()


def _sorted_ntriples(data: bytes) -> bytes:
    lines = sorted(line for line in data.decode("utf-8").splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def _publish(build_dir: Path, release: Path) -> None:
    link = build_dir / f".current-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("releases") / release.name)
    os.replace(link, build_dir / "current")  # atomic: readers see the old or the new release


def _prune(build_dir: Path, keep: Path) -> None:
    releases = sorted(
        (path for path in (build_dir / "releases").iterdir() if path.is_dir() and not path.name.startswith(".")),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in [path for path in releases if path != keep][_KEEP_RELEASES - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def build(settings: Settings, formats: tuple[str, ...] = ("ttl", "nt")) -> BuildResult:
    """Ingest ``settings.data_dir``, build the graph and the search index, publish them under ``settings.build_dir``."""
    report = ingest_paths([settings.data_dir])
    if not report.documents:
        reasons = "; ".join(str(failure) for failure in report.failures) or "no documents"
        raise GraphError(f"nothing to build from {settings.data_dir}: {reasons}")
    graph = build_graph(report.documents, base=settings.base_iri)
    ntriples = _sorted_ntriples(graph.serialize(format="nt", encoding="utf-8"))
    # the release is named by everything that decides its content
    recipe = f"{settings.embedder}\n{settings.faiss_index}\n".encode() + ntriples
    name = hashlib.sha256(recipe).hexdigest()[:16]
    releases = settings.build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    release = releases / name
    current = settings.build_dir / "current"
    result = BuildResult(release, len(report.documents), len(graph), report.failures, changed=False)
    if release.exists() and current.exists() and current.resolve() == release.resolve():
        return result
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=releases))
    try:
        documents = staging / "documents"
        documents.mkdir()
        for parsed in report.documents:
            (documents / f"{parsed.document.id}.json").write_text(parsed.to_json(), encoding="utf-8")
        for fmt in formats:
            rdf_format, filename = GRAPH_FORMATS[fmt]
            data = ntriples if fmt == "nt" else graph.serialize(format=rdf_format, encoding="utf-8")
            (staging / filename).write_bytes(data)
        if "nt" not in formats:
            (staging / "graph.nt").write_bytes(ntriples)  # what `vgraf sparql` loads
        if settings.store == "oxigraph":
            store = create_store("oxigraph", staging / "oxigraph")
            store.load(graph)
            store.close()
        _build_search(settings, report.documents, staging / "search", result)
        summary = {"documents": result.documents, "triples": result.triples, "passages": result.passages}
        (staging / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
        if release.exists():
            shutil.rmtree(release)
        os.replace(staging, release)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _publish(settings.build_dir, release)
    _prune(settings.build_dir, release)
    result.changed = True
    return result


def _build_search(settings: Settings, documents: list, folder: Path, result: BuildResult) -> None:
    passages = build_passages(documents, Iris(settings.base_iri))
    embedder = create_embedder(settings.embedder)
    cache = EmbeddingCache(settings.embedding_cache, embedder)
    vectors = cache.embed([passage.embedding_text() for passage in passages])
    Searcher.from_vectors(passages, vectors, embedder, settings.faiss_index).save(folder)
    result.passages, result.embedded = len(passages), cache.embedded


def open_searcher(settings: Settings) -> Searcher:
    """The published search index, with the configured embedder."""
    return Searcher.load(current_release(settings) / "search", create_embedder(settings.embedder))


def open_store(settings: Settings) -> GraphStore:
    """The published graph in the configured store (Oxigraph opens its on-disk copy if built)."""
    return open_release_store(settings.store, current_release(settings), settings.base_iri)


def release_summary(release: Path) -> dict[str, int]:
    """Documents, triples and passages of a release, as its build counted them (empty for older releases)."""
    try:
        return json.loads((release / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
