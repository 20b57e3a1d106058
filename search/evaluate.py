"""Retrieval quality on the question set in search/eval/questions.json.

Relevance is judged on graph nodes ("<document id>/goal-6/arbetssatt"): a ranked
list of passages becomes a ranked list of the nodes they stand in. Reports
recall@5, recall@10, MRR and nDCG@10 over nodes, and for "which units"
questions unit recall@R (R = the number of units that answer).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from search.searcher import Searcher

QUESTIONS_FILE = Path(__file__).resolve().parent / "eval" / "questions.json"
_DEPTH = 50


@dataclass(frozen=True)
class Question:
    """A question with the nodes and units that answer it."""

    question: str
    lang: str
    relevant: frozenset[str]
    units: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """Mean metrics over a question set."""

    recall_at_5: float
    recall_at_10: float
    mrr: float
    ndcg_at_10: float
    unit_recall: float
    questions: int


def load_questions(path: Path = QUESTIONS_FILE) -> list[Question]:
    """The evaluation questions."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Question(q["question"], q["lang"], frozenset(q["relevant"]), tuple(q["units"])) for q in data["questions"]]


def _ranked_nodes(searcher: Searcher, question: str, mode: str) -> tuple[list[str], list[str]]:
    response = searcher.search(question, top_k=_DEPTH, mode=mode)
    nodes: list[str] = []
    for hit in response.results:
        for occurrence in searcher.passage(hit.passage_id).occurrences:
            node = occurrence.node.split("/document/", 1)[-1]
            if node not in nodes:
                nodes.append(node)
    return nodes, [unit.unit for unit in response.units]


def evaluate(searcher: Searcher, questions: list[Question], mode: str) -> Scores:
    """Mean retrieval metrics of ``searcher`` in ``mode`` over ``questions``."""
    r5 = r10 = mrr = ndcg = unit_recall = 0.0
    unit_questions = 0
    for question in questions:
        nodes, units = _ranked_nodes(searcher, question.question, mode)
        relevant = question.relevant
        r5 += len(relevant & set(nodes[:5])) / len(relevant)
        r10 += len(relevant & set(nodes[:10])) / len(relevant)
        first = next((rank for rank, node in enumerate(nodes, start=1) if node in relevant), None)
        mrr += 1 / first if first else 0.0
        dcg = sum(1 / math.log2(rank + 1) for rank, node in enumerate(nodes[:10], start=1) if node in relevant)
        ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), 10) + 1))
        ndcg += dcg / ideal
        if question.units:
            unit_questions += 1
            unit_recall += len(set(question.units) & set(units[: len(question.units)])) / len(question.units)
    count = len(questions)
    return Scores(r5 / count, r10 / count, mrr / count, ndcg / count, unit_recall / max(unit_questions, 1), count)
