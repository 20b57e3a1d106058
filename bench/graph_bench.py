"""Graph build and SPARQL latency on the corpus replicated ×N (default 200 → 1,000 documents).

Each copy gets its own unit name ("Glasade Gången 17"), so the copies are distinct
documents of distinct units, as a larger district or city would have. Prints build
time (graph construction), triple count, store load time, and per-query latency of
every query in queries/ on rdflib (memory) and Oxigraph.

    .venv/bin/python bench/graph_bench.py [--copies 200] [--repeat 3] [--stores memory,oxigraph]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import signal
import statistics
import sys
import time
from pathlib import Path

from graph.build import build_graph
from graph.stores import create_store
from ingest import ParsedDocument, parse_text
from ingest.metadata import Sidecar, load_sidecar

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def replicated_documents(copies: int) -> list[ParsedDocument]:
    """Parse every corpus document ``copies`` times, each copy under its own unit name."""
    sources = []
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sidecar = load_sidecar(path)
        unit = str(sidecar.values.get("unit") or parse_text(text, path, sidecar).document.unit)
        sources.append((path, text, sidecar, unit))
    documents = []
    for copy in range(copies):
        for path, text, sidecar, unit in sources:
            name = f"{unit} {copy}" if copy else unit
            variant = text.replace(unit, name) if copy else text
            values = dict(sidecar.values) | ({"unit": name} if "unit" in sidecar.values else {})
            documents.append(parse_text(variant, path, Sidecar(sidecar.path, values)))
    return documents


def timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


def query_latency(store, text: str, repeat: int, limit: float) -> tuple[int, float, float | None] | None:
    """(rows, first run, median warm run) in a forked child, or None past ``limit`` seconds.

    Forking after the store is loaded shares it copy-on-write; a query that runs past
    the limit is stopped by killing the child, so one slow query cannot stall the bench.
    """
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reader)
        rows, first = timed(lambda: len(list(store.query(text))))
        warm = [timed(lambda: list(store.query(text)))[1] for _ in range(repeat if first < limit / 4 else 0)]
        os.write(writer, f"{rows} {first} {statistics.median(warm) if warm else -1}".encode())
        os._exit(0)
    os.close(writer)
    deadline = time.monotonic() + limit * (1 + repeat)
    while time.monotonic() < deadline:
        done, _ = os.waitpid(child, os.WNOHANG)
        if done:
            data = os.read(reader, 200).decode().split()
            os.close(reader)
            rows, first, warm = int(data[0]), float(data[1]), float(data[2])
            return rows, first, warm if warm >= 0 else None
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    os.close(reader)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stores", default="memory,oxigraph")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a query run is stopped")
    args = parser.parse_args()

    print(f"machine: {platform.machine()}, Python {platform.python_version()}", flush=True)
    documents, parse_seconds = timed(replicated_documents, args.copies)
    print(f"corpus ×{args.copies}: {len(documents)} documents parsed in {parse_seconds:.1f} s", flush=True)
    graph, build_seconds = timed(build_graph, documents)
    print(
        f"graph build: {build_seconds:.1f} s, {len(graph):,} triples ({len(graph) / build_seconds:,.0f} triples/s)",
        flush=True,
    )
    queries = sorted((ROOT / "queries").glob("*.rq"))
    for kind in args.stores.split(","):
        store = create_store(kind)
        _, load_seconds = timed(store.load, graph)
        print(f"\n{kind}: loaded in {load_seconds:.1f} s", flush=True)
        print(f"  {'query':48} {'rows':>6} {'first (s)':>10} {'median warm (s)':>16}", flush=True)
        for path in queries:
            measured = query_latency(store, path.read_text(encoding="utf-8"), args.repeat, args.limit)
            if measured is None:
                print(f"  {path.name:48} {'':>6} {'> ' + str(int(args.limit)):>10} {'(stopped)':>16}", flush=True)
                continue
            rows, first, warm = measured
            warm_text = f"{warm:.3f}" if warm is not None else "(not repeated)"
            print(f"  {path.name:48} {rows:>6} {first:>10.3f} {warm_text:>16}", flush=True)
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:,.0f} MB", flush=True)


if __name__ == "__main__":
    sys.exit(main())
