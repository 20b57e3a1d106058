"""Passages: the graph's texts cut into pieces sized for the embedding model.

One passage per goal title, field paragraph, activity, row analysis, indicator
(with its values) and section paragraph, each pointing to its graph node (the
same deterministic IRIs the graph uses), unit, document, year, kind, goal level,
themes, author and lines. A text that stands identically in several documents
(the nämnd's descriptions every unit repeats) is one passage listing every place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from graph.iris import Iris
from graph.themes import ThemeTagger, default_tagger
from ingest.models import GoalLevel, ParsedDocument
from search.models import Occurrence, Passage

# e5-small reads 512 tokens; 110 Swedish words stay well inside that with the context.
MAX_WORDS = 110
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
_INDICATOR_CELLS = (
    ("outcome", "utfall"),
    ("outcome_men", "män"),
    ("outcome_women", "kvinnor"),
    ("previous_outcome", "föregående utfall"),
    ("target", "årsmål"),
    ("kf_target", "KF:s årsmål"),
    ("periodicity", "periodicitet"),
    ("period", "period"),
)


def chunks(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Paragraphs, and long paragraphs cut at sentence ends into pieces of at most ``max_words``."""
    pieces: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            continue
        if len(words) <= max_words:
            pieces.append(" ".join(words))
            continue
        current: list[str] = []
        for sentence in SENTENCE_END.split(paragraph):
            sentence_words = sentence.split()
            if current and len(current) + len(sentence_words) > max_words:
                pieces.append(" ".join(current))
                current = []
            while len(sentence_words) > max_words:  # one very long sentence
                pieces.append(" ".join(sentence_words[:max_words]))
                sentence_words = sentence_words[max_words:]
            current.extend(sentence_words)
        if current:
            pieces.append(" ".join(current))
    return pieces


def passage_id(kind: str, context: str, text: str) -> str:
    """Content hash: the same text in the same context is the same passage."""
    return hashlib.sha256(f"{kind}\u241f{context}\u241f{text}".encode()).hexdigest()[:16]


@dataclass
class _Draft:
    text: str
    context: str
    kind: str
    occurrences: list[Occurrence] = field(default_factory=list)


class _Collector:
    def __init__(self) -> None:
        self.drafts: dict[str, _Draft] = {}

    def add(self, kind: str, context: str, text: str, occurrence: Occurrence) -> None:
        for piece in chunks(text):
            key = passage_id(kind, context, piece)
            draft = self.drafts.setdefault(key, _Draft(piece, context, kind))
            if occurrence not in draft.occurrences:
                draft.occurrences.append(occurrence)


def _occurrence(
    iris: Iris, parsed: ParsedDocument, node_id: str, lines: tuple[int, int], level: GoalLevel | None, author: str
) -> Occurrence:
    info = parsed.document
    return Occurrence(
        node=str(iris.in_document(node_id)),
        unit=info.unit,
        document=info.id,
        year=info.year,
        kind=info.kind.value,
        level=level.value if level else None,
        author=author,
        lines=lines,
    )


def _author(level: GoalLevel | None) -> str:
    return "unit" if level is GoalLevel.ENHETSMAL else "namnd"


def build_passages(
    documents: Iterable[ParsedDocument], iris: Iris | None = None, tagger: ThemeTagger | None = None
) -> list[Passage]:
    """All passages of ``documents``, sorted by id."""
    iris = iris or Iris()
    tagger = tagger or default_tagger()
    collector = _Collector()
    for parsed in sorted(documents, key=lambda doc: doc.document.id):
        place = partial(_occurrence, iris, parsed)  # (node id, lines, level, author) → Occurrence
        for goal in parsed.goals:
            author = _author(goal.level)
            collector.add("goal", goal.level.value, goal.title, place(goal.id, goal.lines, goal.level, author))
            for key, goal_field in goal.fields.items():
                field_author = "unit" if key == "analys" else author
                node_id = f"{goal.id}/{key}"
                occurrence = place(node_id, goal_field.lines, goal.level, field_author)
                collector.add("field", f"{goal.title} — {goal_field.label}", goal_field.text, occurrence)
        for activity in parsed.activities:
            goal = parsed.goal(activity.goal)
            dates = f" ({activity.start} – {activity.end})" if activity.start else ""
            occurrence = place(activity.id, activity.lines, goal.level, _author(goal.level))
            collector.add("activity", f"Aktivitet under: {goal.title}", activity.title + dates, occurrence)
            if activity.analysis:
                analysis = place(activity.id, activity.lines, goal.level, "unit")
                collector.add("analysis", f"Analys av aktiviteten: {activity.title}", activity.analysis, analysis)
        for indicator in parsed.indicators:
            goal = parsed.goal(indicator.goal)
            values = "; ".join(
                f"{label} {getattr(indicator, cell)}" for cell, label in _INDICATOR_CELLS if getattr(indicator, cell)
            )
            occurrence = place(indicator.id, indicator.lines, goal.level, "namnd")
            collector.add("indicator", "Indikator", f"{indicator.name}: {values}", occurrence)
            if indicator.analysis:
                analysis = place(indicator.id, indicator.lines, goal.level, "unit")
                collector.add("analysis", f"Analys av indikatorn: {indicator.name}", indicator.analysis, analysis)
        for section in parsed.sections:
            collector.add("section", section.heading, section.text, place(section.id, section.lines, None, "unit"))
    passages = []
    for key, draft in collector.drafts.items():
        themes = tuple(hit.theme.slug for hit in tagger.tag(f"{draft.context}\n{draft.text}"))
        passages.append(
            Passage(
                id=key,
                text=draft.text,
                context=draft.context,
                kind=draft.kind,
                themes=themes,
                occurrences=tuple(draft.occurrences),
            )
        )
    return sorted(passages, key=lambda passage: passage.id)
