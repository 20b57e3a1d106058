"""SPARQL queries in worker processes, so that a runaway query can really be stopped.

Neither rdflib's evaluator nor Oxigraph (through oxrdflib) can cancel a query
once it runs, so each query runs in a worker process holding the graph. When a
query passes its time limit its worker is killed, the caller gets
QueryTimeoutError at once, and a fresh worker is started in the background; the
other workers (and the process that asked) keep answering meanwhile.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from graph.errors import GraphError, QueryError, QueryTimeoutError, ResultTooLargeError, StoreError
from graph.results import ResultFormat

_CONTEXT = multiprocessing.get_context("spawn")  # no fork of a threaded server
_START_TIMEOUT = 600.0  # loading graph.nt of a large corpus into rdflib takes minutes
_ERRORS = {cls.__name__: cls for cls in (QueryError, ResultTooLargeError, StoreError, GraphError)}


@dataclass(frozen=True)
class StoreSpec:
    """What a worker opens: a store of ``kind`` over a built release."""

    kind: str
    release: Path
    base_iri: str | None = None


@dataclass(frozen=True)
class QueryAnswer:
    """A serialised result and its media type."""

    media_type: str
    body: bytes


def _serve(spec: StoreSpec, connection: Connection) -> None:
    """The worker's loop: open the store once, then answer (query, format, max_rows) requests."""
    from graph.results import serialize
    from graph.stores import open_release_store

    try:
        store = open_release_store(spec.kind, spec.release, spec.base_iri)
    except Exception as error:  # noqa: BLE001 - reported to the parent, which raises it
        connection.send(("error", "StoreError", f"{type(error).__name__}: {error}"))
        return
    connection.send(("ready", "", ""))
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        text, fmt, max_rows = request
        try:
            body = serialize(store.query(text), fmt, max_rows)
            connection.send(("ok", fmt.media_type, body))
        except GraphError as error:
            connection.send(("error", type(error).__name__, str(error)))
        except Exception as error:  # noqa: BLE001 - any evaluation failure is the query's fault
            connection.send(("error", "QueryError", f"the SPARQL query failed: {type(error).__name__}: {error}"))


class _Worker:
    def __init__(self, spec: StoreSpec) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(spec, child), daemon=True, name="vgraf-sparql")
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        if not self.connection.poll(_START_TIMEOUT):
            self.kill()
            raise StoreError("a SPARQL worker did not open the store in time")
        try:
            status, _, message = self.connection.recv()
        except EOFError as error:
            raise StoreError("a SPARQL worker exited while opening the store") from error
        if status != "ready":
            self.kill()
            raise StoreError(f"a SPARQL worker cannot open the store: {message}")

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class QueryPool:
    """``size`` worker processes answering SPARQL, each query limited to ``timeout`` seconds."""

    def __init__(self, spec: StoreSpec, size: int = 2, timeout: float = 10.0, max_rows: int | None = 100_000) -> None:
        if size < 1:
            raise StoreError("the SPARQL worker pool needs at least one worker")
        self.spec, self.size, self.timeout, self.max_rows = spec, size, timeout, max_rows
        self.queue_timeout = max(30.0, 3 * timeout)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self._closed = False
        self.restarts = 0

    def start(self) -> QueryPool:
        """Start the workers and wait until each has opened the store."""
        workers = [_Worker(self.spec) for _ in range(self.size)]
        try:
            for worker in workers:
                worker.wait_ready()
        except StoreError:
            for worker in workers:
                worker.kill()
            raise
        with self._lock:
            self._workers.extend(workers)
        for worker in workers:
            self._idle.put(worker)
        return self

    def _replace(self, dead: _Worker) -> None:
        """Kill ``dead`` and start a replacement in the background."""
        dead.kill()
        with self._lock:
            if dead in self._workers:
                self._workers.remove(dead)
            self.restarts += 1

        def spawn() -> None:
            if self._closed:
                return
            worker = _Worker(self.spec)
            try:
                worker.wait_ready()
            except StoreError:
                return
            with self._lock:
                if self._closed:
                    worker.kill()
                    return
                self._workers.append(worker)
            self._idle.put(worker)

        threading.Thread(target=spawn, daemon=True, name="vgraf-sparql-respawn").start()

    def execute(self, text: str, fmt: ResultFormat) -> QueryAnswer:
        """Run ``text`` and serialise its result as ``fmt`` within the time limit.

        The limit counts from when a worker takes the query; waiting for a free worker
        is bounded separately (``queue_timeout``), so a busy moment does not cut short
        a query that would have finished in time.
        """
        try:
            worker = self._idle.get(timeout=self.queue_timeout)
        except queue.Empty as error:
            raise QueryTimeoutError(
                f"every SPARQL worker stayed busy for {self.queue_timeout:g} s; try again later"
            ) from error
        try:
            worker.connection.send((text, fmt, self.max_rows))
            if not worker.connection.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeoutError(
                    f"the query ran longer than the limit of {self.timeout:g} s and was stopped; "
                    "narrow it down or add a LIMIT"
                )
            status, kind, payload = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            self._replace(worker)
            raise QueryError("the SPARQL worker stopped while answering; the query was not completed") from error
        self._idle.put(worker)
        if status == "ok":
            return QueryAnswer(kind, payload)
        raise _ERRORS.get(kind, QueryError)(payload)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.kill()
