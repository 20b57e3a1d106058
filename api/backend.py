"""What the API serves from: one published release, loaded once, swapped whole after an upload."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import anyio

from graph.browse import GraphBrowser
from graph.iris import Iris
from graph.stores import GraphStore
from graph.workers import QueryPool, StoreSpec
from search.chat import ChatAnswerer, SessionStore
from search.chat.generative import GenerativeWriter
from search.searcher import Searcher
from vgraf.build import current_release, open_searcher, open_store, release_summary
from vgraf.config import Settings


@dataclass
class Backend:
    """The graph, its SPARQL workers, the search index and the chat over one release."""

    release: Path
    store: GraphStore
    browser: GraphBrowser
    searcher: Searcher
    chat: ChatAnswerer
    pool: QueryPool
    documents: int
    triples: int

    @classmethod
    def load(cls, settings: Settings) -> Backend:
        """Open the published release (BuildMissingError if there is none)."""
        release = current_release(settings)
        summary = release_summary(release)
        store = open_store(settings)
        browser = GraphBrowser(store, Iris(settings.base_iri))
        searcher = open_searcher(settings)
        writer = None
        if settings.llm_base_url and settings.llm_model:
            writer = GenerativeWriter(settings.llm_base_url, settings.llm_model, settings.llm_api_key)
        spec = StoreSpec(settings.store, release, settings.base_iri)
        pool = QueryPool(spec, settings.sparql_workers, settings.sparql_timeout, settings.sparql_max_rows)
        pool.start()
        return cls(
            release=release,
            store=store,
            browser=browser,
            searcher=searcher,
            chat=ChatAnswerer(searcher, browser, writer),
            pool=pool,
            # counted at build: counting an Oxigraph store of millions of triples takes seconds
            documents=summary.get("documents") or len(browser.documents()),
            triples=summary.get("triples") or len(store),
        )

    def close(self) -> None:
        """Stop the SPARQL workers and close the store."""
        self.pool.close()
        self.store.close()


@dataclass
class ServerState:
    """The backend now served; uploads build a new one and swap it in with one assignment."""

    settings: Settings
    backend: Backend
    sessions: SessionStore = field(default_factory=SessionStore)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    # CPU-bound work (search, chat, query parsing) runs in at most this many threads: more would
    # only contend for the GIL, and the event loop (/health) would wait behind all of them
    cpu_threads: anyio.CapacityLimiter = field(default_factory=lambda: anyio.CapacityLimiter(os.cpu_count() or 2))

    async def run_cpu(self, function, *args):  # noqa: ANN001, ANN201 - any callable and its result
        """Run ``function(*args)`` in a worker thread, at most ``cpu_threads`` at a time."""
        return await anyio.to_thread.run_sync(function, *args, limiter=self.cpu_threads)

    def swap(self, fresh: Backend) -> None:
        """Serve ``fresh``; the old backend is closed once requests already using it are done."""
        old, self.backend = self.backend, fresh
        # requests that took the old backend may still be running a query: give them the time limit
        timer = threading.Timer(self.settings.sparql_timeout + 5, old.close)
        timer.daemon = True
        timer.start()
