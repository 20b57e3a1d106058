"""BM25 over Swedish index terms (bm25s), with theme expansion through the SKOS labels."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np

from graph.themes import ThemeTagger
from search.analysis import SwedishAnalyzer, corpus_vocabulary
from search.models import Passage

_OWN_WEIGHT = 3  # the query's own words count three times a theme expansion word


class LexicalIndex:
    """BM25 scores for every passage; passages are in the order they were indexed."""

    def __init__(self, retriever: bm25s.BM25, analyzer: SwedishAnalyzer, tagger: ThemeTagger) -> None:
        self.retriever = retriever
        self.analyzer = analyzer
        self.tagger = tagger
        self._vocabulary = set(retriever.vocab_dict)

    @classmethod
    def build(cls, passages: list[Passage], tagger: ThemeTagger) -> LexicalIndex:
        """Index the passages' context and text."""
        texts = [f"{p.context} {p.text}" for p in passages]
        analyzer = SwedishAnalyzer(corpus_vocabulary(texts))
        retriever = bm25s.BM25()
        retriever.index([analyzer.terms(text) or ["_"] for text in texts], show_progress=False)
        return cls(retriever, analyzer, tagger)

    def query_terms(self, query: str) -> list[str]:
        """The query's own terms (weighted ×3) plus the Swedish labels of the themes it names.

        "Which units work on palliative care?" names the theme Palliativ vård, whose
        Swedish labels (palliativa ombud, PKC …) then reach Swedish text.
        """
        own = [term for term in self.analyzer.terms(query) if term in self._vocabulary]
        expansion: list[str] = []
        for hit in self.tagger.tag(query):
            for label in hit.theme.labels_sv:
                expansion.extend(term for term in self.analyzer.terms(label) if term in self._vocabulary)
        expansion = [term for term in dict.fromkeys(expansion) if term not in own]
        return own * _OWN_WEIGHT + expansion

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage (zeros when no query term is indexed)."""
        terms = self.query_terms(query)
        if not terms:
            return np.zeros(self.retriever.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.retriever.get_scores(terms), dtype=np.float32)

    def save(self, folder: Path) -> None:
        """Write the index and the analyzer's vocabulary into ``folder``."""
        self.retriever.save(str(folder))
        (folder / "vocabulary.json").write_text(
            json.dumps(sorted(self.analyzer.vocabulary), ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path, tagger: ThemeTagger) -> LexicalIndex:
        """Read an index written by :meth:`save`."""
        retriever = bm25s.BM25.load(str(folder))
        vocabulary = json.loads((folder / "vocabulary.json").read_text(encoding="utf-8"))
        return cls(retriever, SwedishAnalyzer(vocabulary), tagger)
