"""The question shapes the chat recognises, in Swedish and English.

Recognising the shape decides where the answer comes from: "which units …" ranks
units by their own text, "which activities …" reads activities with their dates
from the graph, indicator questions read reported values, "which goals were
partly met …" is answered from the reports' assessments in the graph, and
anything else gets a ranked summary of the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Intent(StrEnum):
    """What kind of answer a question asks for."""

    UNITS = "units"
    ACTIVITIES = "activities"
    INDICATORS = "indicators"
    GOAL_STATUS = "goal_status"
    EVIDENCE = "evidence"


@dataclass(frozen=True)
class Question:
    """A question and what was recognised in it."""

    text: str
    intent: Intent
    follow_up: bool = False
    year: int | None = None
    status: str | None = None
    level: str | None = None


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


_FOLLOW_UP = r"\b(av dem|av dessa|bland dem|bland dessa|av de här|of them|of those|among them|among those)\b"
_GOAL_STATUS = r"(uppfyll|\bmet\b|achieved|fulfilled|reached|\bnådde|\bnåddes)"
_GOAL = r"(mål\b|målen|mål |goals?\b|målsättning)"
_ACTIVITIES = r"(aktivitet|activit)"
_INDICATORS = (
    r"(indikator|indicator|utfall|outcome|nyckeltal|målvärde|target value|andel|procent|percent|"
    r"hur (hög|stor|många|mycket)|how (high|much|many))"
)
_UNITS = (
    r"(vilka enheter|vilken enhet|which units?|what units?|vem arbetar|vilka arbetar|who works|enheter som|units that)"
)


def _status(text: str) -> str:
    if _has(r"(delvis|partly|partially|in part)", text):
        return "delvis"
    if _has(r"(inte|\bej\b|\bnot\b|unmet|failed)", text):
        return "inte"
    return "helt"


def _level(text: str) -> str | None:
    if _has(r"(enhetsmål|unit goals?|unit's goals)", text):
        return "enhetsmal"
    if _has(r"(nämndmål|committee goals?)", text):
        return "namndmal"
    return None


def classify(text: str) -> Question:
    """Recognise the shape of ``text``."""
    lowered = " ".join(text.casefold().split())
    year_match = re.search(r"\b(20\d\d)\b", lowered)
    year = int(year_match.group(1)) if year_match else None
    follow_up = _has(_FOLLOW_UP, lowered)
    if _has(_GOAL_STATUS, lowered) and _has(_GOAL, lowered):
        intent = Intent.GOAL_STATUS
    elif _has(_UNITS, lowered) or (follow_up and _has(r"\b(vilka|which|who)\b", lowered)):
        intent = Intent.UNITS
    elif _has(_ACTIVITIES, lowered):
        intent = Intent.ACTIVITIES
    elif _has(_INDICATORS, lowered):
        intent = Intent.INDICATORS
    else:
        intent = Intent.EVIDENCE
    return Question(
        text=text,
        intent=intent,
        follow_up=follow_up,
        year=year,
        status=_status(lowered) if intent is Intent.GOAL_STATUS else None,
        level=_level(lowered) if intent is Intent.GOAL_STATUS else None,
    )
