"""What the API serves from: one published release, loaded once, swapped whole after an upload."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from graph.browse import GraphBrowser
from graph.iris import Iris
from graph.stores import GraphStore
from graph.workers import QueryPool, StoreSpec
from search.chat import ChatAnswerer, SessionStore
from search.chat.generative import GenerativeWriter
from search.searcher import Searcher
from vgraf.build import current_release, open_searcher, open_store
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
            documents=len(browser.documents()),
            triples=len(store),
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

    def swap(self, fresh: Backend) -> None:
        """Serve ``fresh``; the old backend is closed once requests already using it are done."""
        old, self.backend = self.backend, fresh
        # requests that took the old backend may still be running a query: give them the time limit
        timer = threading.Timer(self.settings.sparql_timeout + 5, old.close)
        timer.daemon = True
        timer.start()
