"""Hybrid search: BM25 and dense rankings fused by reciprocal rank, filters, unit aggregation."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from graph.themes import ThemeTagger, default_tagger
from search.dense import build_index, dense_scores, load_index, save_index
from search.embeddings import Embedder, EmbeddingCache
from search.errors import IndexMissingError, SearchError
from search.lexical import LexicalIndex
from search.models import Occurrence, Passage, SearchFilters, SearchHit, SearchResponse, UnitHit
from search.passages import SENTENCE_END

MODES = ("hybrid", "dense", "lexical")
RRF_K = 60  # reciprocal rank fusion constant (Cormack et al. 2009)
_DENSE_DEPTH = 100  # how deep the dense ranking goes into fusion
_UNIT_CANDIDATES = 50  # passages considered when ranking units
_NAMND_WEIGHT = 0.25  # nämnd text every unit repeats counts less as a unit's evidence
_UNIT_DECAY = (1.0, 0.5, 0.25)  # a unit's best, second and third passage
_LIST_NUMBER = re.compile(r"\W*\d+[.)]?\W*")


def _rank_fusion(rankings: list[np.ndarray], size: int) -> np.ndarray:
    fused = np.zeros(size, dtype=np.float64)
    for ranking in rankings:
        fused[ranking] += 1.0 / (RRF_K + np.arange(1, len(ranking) + 1))
    return fused


class Searcher:
    """Everything one search needs, loaded once."""

    def __init__(
        self,
        passages: list[Passage],
        lexical: LexicalIndex,
        index,  # noqa: ANN001 - a faiss.Index
        embedder: Embedder,
        tagger: ThemeTagger | None = None,
    ) -> None:
        self.passages = passages
        self.lexical = lexical
        self.index = index
        self.embedder = embedder
        self.tagger = tagger or default_tagger()
        self._everything = np.ones(len(passages), dtype=bool)
        self._by_id = {passage.id: passage for passage in passages}

    # -- building and persistence ------------------------------------------------------------
    @classmethod
    def from_vectors(cls, passages: list[Passage], vectors: np.ndarray, embedder: Embedder, index_kind: str = "flat"):
        """Index ``passages`` lexically, and densely with their ``vectors`` (rows in passage order)."""
        tagger = default_tagger()
        lexical = LexicalIndex.build(passages, tagger)
        return cls(passages, lexical, build_index(vectors, index_kind), embedder, tagger)

    @classmethod
    def build(
        cls, passages: list[Passage], embedder: Embedder, cache: EmbeddingCache, index_kind: str = "flat"
    ) -> Searcher:
        """Index ``passages``, embedding only what the cache lacks."""
        vectors = cache.embed([passage.embedding_text() for passage in passages])
        return cls.from_vectors(passages, vectors, embedder, index_kind)

    def save(self, folder: Path) -> None:
        """Write passages.jsonl, lexical/ and dense.faiss into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "passages.jsonl").open("w", encoding="utf-8") as stream:
            for passage in self.passages:
                stream.write(passage.model_dump_json() + "\n")
        (folder / "lexical").mkdir(exist_ok=True)
        self.lexical.save(folder / "lexical")
        save_index(self.index, folder / "dense.faiss")
        meta = {"embedder": self.embedder.key, "dim": self.embedder.dim, "passages": len(self.passages)}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, embedder: Embedder) -> Searcher:
        """Read an index written by :meth:`save`; the embedder must be the one it was built with."""
        if not (folder / "meta.json").exists():
            raise IndexMissingError(f"no search index in {folder}; run `vgraf build` first")
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta["embedder"] != embedder.key:
            raise SearchError(
                f"the index was built with {meta['embedder']} but VGRAF_EMBEDDER gives {embedder.key}; "
                "run `vgraf build` again"
            )
        with (folder / "passages.jsonl").open(encoding="utf-8") as stream:
            passages = [Passage.model_validate_json(line) for line in stream if line.strip()]
        tagger = default_tagger()
        lexical = LexicalIndex.load(folder / "lexical", tagger)
        return cls(passages, lexical, load_index(folder / "dense.faiss"), embedder, tagger)

    # -- searching -------------------------------------------------------------------------------
    def passage(self, passage_id: str) -> Passage:
        """The passage with this id (KeyError if there is none)."""
        return self._by_id[passage_id]

    def _theme_slug(self, theme: str) -> str:
        try:
            return self.tagger.theme(theme).slug
        except KeyError:
            for candidate in self.tagger.themes:
                if theme.casefold() in (candidate.label_sv.casefold(), candidate.label_en.casefold()):
                    return candidate.slug
        raise SearchError(f"unknown theme '{theme}'; see `vgraf stats` or queries/12-themes-overview.rq")

    def _matching(self, passage: Passage, filters: SearchFilters, theme: str | None) -> list[Occurrence]:
        if theme and theme not in passage.themes:
            return []
        unit = filters.unit.casefold() if filters.unit else None
        return [
            o
            for o in passage.occurrences
            if (unit is None or unit in o.unit.casefold())
            and (not filters.units or o.unit in filters.units)
            and (filters.year is None or o.year == filters.year)
            and (filters.kind is None or o.kind == filters.kind)
            and (filters.level is None or o.level == filters.level)
            and (not filters.unit_written_only or o.author == "unit")
        ]

    def ranking(self, query: str, mode: str, allowed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Passage indices best first, and their scores, among ``allowed``."""
        size = len(self.passages)
        if mode not in MODES:
            raise SearchError(f"unknown mode '{mode}'; choose one of {', '.join(MODES)}")
        lexical_order = dense_order = np.array([], dtype=np.int64)
        if mode in ("lexical", "hybrid"):
            lexical = np.where(allowed, self.lexical.scores(query), 0.0)
            lexical_order = np.argsort(-lexical, kind="stable")
            lexical_order = lexical_order[lexical[lexical_order] > 0]
            if mode == "lexical":
                return lexical_order, lexical[lexical_order]
        dense = np.where(allowed, dense_scores(self.index, self.embedder.embed_query(query), size), -np.inf)
        dense_order = np.argsort(-dense, kind="stable")
        dense_order = dense_order[np.isfinite(dense[dense_order])]
        if mode == "dense":
            return dense_order, dense[dense_order]
        fused = _rank_fusion([lexical_order, dense_order[:_DENSE_DEPTH]], size)
        order = np.argsort(-fused, kind="stable")
        order = order[fused[order] > 0]
        return order, fused[order]

    def _quote(self, text: str, terms: Counter[str]) -> str:
        """The sentence of ``text`` that best matches the query's terms (its own words weigh most)."""
        # a numbered list splits into "1." + "Minnesanteckningar."; a bare number is no quote
        sentences = [s for s in SENTENCE_END.split(text) if not _LIST_NUMBER.fullmatch(s)] or [text]
        overlap = [sum(terms[term] for term in set(self.lexical.analyzer.terms(sentence))) for sentence in sentences]
        return sentences[int(np.argmax(overlap))] if sentences else text

    def _hit(self, index: int, score: float, where: Occurrence, terms: Counter[str] | None = None) -> SearchHit:
        passage = self.passages[index]
        return SearchHit(
            passage_id=passage.id,
            node=where.node,
            text=passage.text,
            unit=where.unit,
            document=where.document,
            year=where.year,
            kind=where.kind,
            level=where.level,
            themes=passage.themes,
            score=round(float(score), 6),
            lines=where.lines,
            author=where.author,
            documents=tuple(dict.fromkeys(o.document for o in passage.occurrences)),
            quote=self._quote(passage.text, terms or Counter()),
        )

    def search(
        self, query: str, top_k: int = 10, filters: SearchFilters | None = None, mode: str = "hybrid"
    ) -> SearchResponse:
        """The passages that answer ``query`` best, and the units ranked by that evidence."""
        if not query.strip():
            raise SearchError("the query is empty")
        if top_k < 1:
            raise SearchError("top_k must be at least 1")
        filters = filters or SearchFilters()
        theme = self._theme_slug(filters.theme) if filters.theme else None
        if filters == SearchFilters():  # no filter: every place of every passage counts
            matching = [list(passage.occurrences) for passage in self.passages]
            allowed = self._everything
        else:
            matching = [self._matching(passage, filters, theme) for passage in self.passages]
            allowed = np.array([bool(found) for found in matching])
        order, scores = self.ranking(query, mode, allowed)
        score_of = dict(zip(order[:_UNIT_CANDIDATES].tolist(), scores[:_UNIT_CANDIDATES].tolist()))
        terms = Counter(self.lexical.query_terms(query))
        hits = [
            self._hit(index, score, matching[index][0], terms) for index, score in zip(order[:top_k], scores[:top_k])
        ]
        contributions: dict[str, list[tuple[float, int, Occurrence]]] = defaultdict(list)
        for index, score in zip(order[:_UNIT_CANDIDATES], scores[:_UNIT_CANDIDATES]):
            best: dict[str, tuple[float, Occurrence]] = {}
            for occurrence in matching[index]:
                weight = 1.0 if occurrence.author == "unit" else _NAMND_WEIGHT
                value = float(score) * weight
                if occurrence.unit not in best or value > best[occurrence.unit][0]:
                    best[occurrence.unit] = (value, occurrence)
            for unit, (value, occurrence) in best.items():
                contributions[unit].append((value, int(index), occurrence))
        totals = {}
        for unit, values in contributions.items():
            values.sort(key=lambda item: -item[0])
            totals[unit] = sum(decay * value for decay, (value, _, _) in zip(_UNIT_DECAY, values))
        units = []
        for unit in sorted(totals, key=lambda name: (-totals[name], name))[:top_k]:
            values = contributions[unit]  # quotes are drawn for the units returned only
            _, top_index, top_occurrence = values[0]
            units.append(
                UnitHit(
                    unit=unit,
                    score=round(totals[unit], 6),
                    evidence=tuple(self.passages[index].id for _, index, _ in values[:3]),
                    best=self._hit(top_index, score_of[top_index], top_occurrence, terms),
                )
            )
        return SearchResponse(query=query, mode=mode, results=tuple(hits), units=tuple(units))
