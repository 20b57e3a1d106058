"""The document model: what one VP or VB says, with a line span for every piece.

These pydantic models are the contract between ``ingest`` and the stages after
it (graph, search). Field names follow the JSON shape documented in the README.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

LineSpan = Annotated[tuple[int, int], Field(description="1-based inclusive [first, last] line in the source")]


class DocumentKind(StrEnum):
    """The two kinds of document in the city's management system."""

    VERKSAMHETSPLAN = "verksamhetsplan"
    VERKSAMHETSBERATTELSE = "verksamhetsberattelse"


class GoalLevel(StrEnum):
    """The four levels of the KF → nämnd → enhet goal hierarchy, top first."""

    KF_INRIKTNINGSMAL = "kf_inriktningsmal"
    KF_VERKSAMHETSMAL = "kf_verksamhetsmal"
    NAMNDMAL = "namndmal"
    ENHETSMAL = "enhetsmal"

    @property
    def rank(self) -> int:
        """0 for the city council's goals, 3 for the unit's own."""
        return list(GoalLevel).index(self)


class GoalStatus(StrEnum):
    """A VB's assessment of a goal ("Uppfylls helt/delvis/inte", "Ingen")."""

    HELT = "helt"
    DELVIS = "delvis"
    INTE = "inte"
    INGEN = "ingen"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Measure(_Model):
    """The numeric reading of a table cell such as "86 %" or "Max 10 personer"."""

    number: float
    unit: str | None = None
    comparator: str | None = Field(None, description='"max" or "min" when the cell states a bound')


class DocumentInfo(_Model):
    """Who wrote the document, for which year, and what kind it is."""

    id: str
    source: str
    unit: str
    organisation: str | None
    year: int
    kind: DocumentKind
    title: str
    unit_from: str = Field(description='where the unit name came from: "text" or "sidecar"')


class Section(_Model):
    """A free section outside the goal hierarchy (Verksamhetsbeskrivning, Agenda 2030 …)."""

    id: str
    heading: str
    text: str
    lines: LineSpan


class GoalField(_Model):
    """One labelled sub-section of a goal (Beskrivning, Arbetssätt, Analys …)."""

    label: str = Field(description="the label as printed, e.g. 'Förväntat resultat'")
    text: str
    lines: LineSpan


class Goal(_Model):
    """A goal at one level of the hierarchy, as stated in one document."""

    id: str
    level: GoalLevel
    number: str | None
    title: str
    parent: str | None
    status: GoalStatus | None
    fields: dict[str, GoalField]
    lines: LineSpan


class Activity(_Model):
    """A row of an Aktivitet | Startdatum | Slutdatum (| Avvikelse) table."""

    id: str
    goal: str
    title: str
    start: str | None
    end: str | None
    deviation: str | None
    analysis: str | None
    lines: LineSpan


class Indicator(_Model):
    """A row of an Indikator table, cells as printed (None where the cell is empty)."""

    id: str
    goal: str
    name: str
    target: str | None
    kf_target: str | None
    periodicity: str | None
    outcome: str | None
    outcome_men: str | None
    outcome_women: str | None
    previous_outcome: str | None
    period: str | None
    analysis: str | None
    measures: dict[str, Measure] = Field(
        default_factory=dict,
        description="parsed number and unit for each numeric cell, keyed by the cell's field name",
    )
    lines: LineSpan


class ParseWarning(_Model):
    """Something the parser noticed but could not place; never silently dropped."""

    message: str
    lines: LineSpan | None = None


class ParsedDocument(_Model):
    """Everything extracted from one document."""

    document: DocumentInfo
    sections: list[Section]
    goals: list[Goal]
    activities: list[Activity]
    indicators: list[Indicator]
    warnings: list[ParseWarning] = Field(default_factory=list)

    def to_json(self) -> str:
        """The document model as indented JSON, Swedish letters written as themselves."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

    def goal(self, goal_id: str) -> Goal:
        """The goal with this id (KeyError if there is none)."""
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        raise KeyError(goal_id)
