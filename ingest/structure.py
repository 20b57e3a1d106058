"""The document's structure: free sections, the goal hierarchy, and the tables under goals.

A single pass over the cleaned lines. Outside the goal area, known headings
start free sections. Inside it, goal headings open goals (their parent is the
nearest open goal of a higher level), labels open fields, and table headers hand
over to :mod:`ingest.tables`. Lines inside a goal that fit nowhere become
warnings with their line numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.lines import Line
from ingest.models import GoalLevel, GoalStatus, ParseWarning
from ingest.tables import ActivityRow, IndicatorRow, read_activities, read_indicators
from ingest.text import paragraphs
from ingest.vocabulary import (
    DOCUMENT_TITLE,
    GOAL_AREA_END,
    GOAL_AREA_START,
    GOAL_NUMBER,
    SECTION_HEADINGS,
    field_key,
    goal_heading,
    heading_key,
    is_structural,
    status_of,
    table_kind,
)

_MAX_TITLE_LINES = 6


@dataclass
class TextBlock:
    """Lines of one field or section, grouped into paragraphs (sub-headings start groups)."""

    label: str
    first: int
    last: int
    groups: list[list[str]] = field(default_factory=lambda: [[]])

    def add(self, line: Line, *, heading: bool = False) -> None:
        if heading:
            self.groups.extend([[line.stripped], []])
        else:
            self.groups[-1].append(line.text)
        self.last = line.number

    def text(self, one_per_line: bool) -> str:
        parts = [paragraphs(group, one_per_line=one_per_line) for group in self.groups]
        return "\n".join(part for part in parts if part)


@dataclass
class GoalDraft:
    """A goal while its block is being read."""

    index: int
    level: GoalLevel
    number: str | None
    title: str
    parent: int | None
    first: int
    last: int
    status: GoalStatus | None = None
    fields: dict[str, TextBlock] = field(default_factory=dict)


@dataclass
class DocumentStructure:
    """Everything the structural pass found, before metadata and ids are attached."""

    sections: list[TextBlock] = field(default_factory=list)
    goals: list[GoalDraft] = field(default_factory=list)
    activities: list[tuple[int, ActivityRow]] = field(default_factory=list)
    indicators: list[tuple[int, IndicatorRow]] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    title_kind: str | None = None
    title_year: int | None = None
    title_unit: str | None = None
    recipient: str | None = None
    budget_years: list[int] = field(default_factory=list)
    previous_years: list[int] = field(default_factory=list)
    goal_area_closed: bool = False
    truncated_in: str | None = None
    unit_labels: set[str] = field(default_factory=set)


def unit_labels_after_analysis(lines: list[Line]) -> set[str]:
    """Lines a VB prints right after "Analys" as a label (the unit's name), seen twice or more."""
    counts: Counter[str] = Counter()
    for index, line in enumerate(lines):
        if field_key(line.stripped) != "analys":
            continue
        for following in lines[index + 1 : index + 4]:
            if following.blank:
                continue
            text = following.stripped
            if not is_structural(text) and len(text.split()) <= 6 and not text.endswith("."):
                counts[text] += 1
            break
    return {text for text, count in counts.items() if count >= 2}


class _StructureReader:
    def __init__(self, lines: list[Line], unit_labels: set[str], one_per_line: bool) -> None:
        self.lines = lines
        self.unit_labels = unit_labels
        self.one_per_line = one_per_line
        self.result = DocumentStructure()
        self.mode = "front"  # "front" → "section"/"goals" → "section" after the goal area
        self.section: TextBlock | None = None
        self.field: TextBlock | None = None
        self.stack: list[GoalDraft] = []
        self.unplaced: list[Line] = []

    # -- helpers -------------------------------------------------------------------------
    def _flush_unplaced(self) -> None:
        if self.unplaced:
            text = " ".join(line.stripped for line in self.unplaced)
            goal = self.stack[-1].title[:60] if self.stack else "?"
            self.result.warnings.append(
                ParseWarning(
                    message=f"text under the goal {goal!r} has no field label and was not placed: {text[:120]!r}",
                    lines=(self.unplaced[0].number, self.unplaced[-1].number),
                )
            )
            self.unplaced = []

    def _close_section(self) -> None:
        if self.section is not None and self.section.text(self.one_per_line):
            self.result.sections.append(self.section)
        self.section = None

    def _open_section(self, line: Line) -> None:
        self._close_section()
        label = re.sub(r"^\d(?=[A-ZÅÄÖ])", "", line.stripped).rstrip(":,")  # "1Verksamhetsidé …"
        self.section = TextBlock(label=label, first=line.number, last=line.number)
        self.mode = "section"

    def _current_goal(self) -> GoalDraft | None:
        return self.stack[-1] if self.stack else None

    # -- goals ---------------------------------------------------------------------------
    def _read_title(self, index: int, rest: str) -> tuple[list[str], int, int]:
        """Title lines after a goal heading; returns (lines, next index, last line number)."""
        title = [rest] if rest else []
        last = self.lines[index].number
        index += 1
        while index < len(self.lines) and len(title) < _MAX_TITLE_LINES:
            line = self.lines[index]
            if line.blank:
                following = next((ln for ln in self.lines[index + 1 :] if not ln.blank), None)
                if following is None or is_structural(following.stripped):
                    break
                # 001 double-spaces its lines: a blank line inside a title is followed by a
                # lowercase continuation; the first title line may come after a blank too.
                if title and not following.stripped[:1].islower():
                    break
                index += 1
                continue
            if is_structural(line.stripped) or (title and title[-1].rstrip().endswith(".")):
                break
            title.append(line.stripped)
            last = line.number
            index += 1
        return title, index, last

    def _open_goal(self, index: int, level: GoalLevel, rest: str) -> int:
        self._flush_unplaced()
        self.field = None
        title_lines, next_index, last = self._read_title(index, rest)
        title = paragraphs(title_lines) if title_lines else ""
        title = " ".join(title.split())
        number = None
        if level in (GoalLevel.KF_INRIKTNINGSMAL, GoalLevel.KF_VERKSAMHETSMAL):
            match = GOAL_NUMBER.match(title)
            if match:
                number, title = match["number"], match["title"]
        while self.stack and self.stack[-1].level.rank >= level.rank:
            self.stack.pop()
        draft = GoalDraft(
            index=len(self.result.goals),
            level=level,
            number=number,
            title=title,
            parent=self.stack[-1].index if self.stack else None,
            first=self.lines[index].number,
            last=last,
        )
        if not title:
            self.result.warnings.append(
                ParseWarning(message=f"{level.value} heading without a title", lines=(draft.first, draft.first))
            )
        self.result.goals.append(draft)
        self.stack.append(draft)
        return next_index

    def _open_field(self, line: Line, key: str) -> None:
        self._flush_unplaced()
        goal = self._current_goal()
        if goal is None:
            self.unplaced.append(line)
            return
        if self.field is not None and self.field is goal.fields.get("analys") and key != "analys":
            # In a VB the analysis repeats the plan's labels as its own sub-headings.
            self.field.add(line, heading=True)
            return
        existing = goal.fields.get(key)
        if existing is not None:
            existing.add(line, heading=True)
            self.field = existing
            return
        self.field = TextBlock(label=line.stripped, first=line.number, last=line.number)
        goal.fields[key] = self.field

    def _read_table(self, index: int, kind: str) -> int:
        self._flush_unplaced()
        self.field = None
        goal = self._current_goal()
        if kind == "activity":
            table = read_activities(self.lines, index, self.unit_labels)
        else:
            table = read_indicators(self.lines, index, kind == "vb_indicator", self.unit_labels)
        if table.previous_year:
            self.result.previous_years.append(table.previous_year)
        self.result.warnings.extend(table.warnings)
        if goal is None:
            if table.activities or table.indicators:
                self.result.warnings.append(
                    ParseWarning(
                        message="table outside any goal was ignored",
                        lines=(self.lines[index].number, self.lines[table.next_index - 1].number),
                    )
                )
        else:
            self.result.activities.extend((goal.index, row) for row in table.activities)
            self.result.indicators.extend((goal.index, row) for row in table.indicators)
            goal.last = max(goal.last, self.lines[table.next_index - 1].number)
        if table.incomplete_at_end:
            self.result.truncated_in = "a table row"
        return table.next_index

    # -- main loop -----------------------------------------------------------------------
    def _front_matter(self, index: int, line: Line) -> None:
        title = DOCUMENT_TITLE.match(line.stripped)
        if title:
            self.result.title_kind = title["kind"]
            self.result.title_year = int(title["year"])
            following = next((ln for ln in self.lines[index + 1 :] if not ln.blank), None)
            if following and heading_key(following.stripped) not in SECTION_HEADINGS:
                self.result.title_unit = following.stripped
        elif line.stripped == "Till":
            following = next((ln for ln in self.lines[index + 1 :] if not ln.blank), None)
            if following:
                self.result.recipient = following.stripped

    def run(self) -> DocumentStructure:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            text = line.stripped
            if line.blank:
                index += 1
                continue
            heading = goal_heading(text)
            if heading:
                self._close_section()
                self.mode = "goals"
                index = self._open_goal(index, *heading)
                continue
            key = heading_key(text)
            if key == GOAL_AREA_START:
                self._close_section()
                self.mode = "goals"
                index += 1
                continue
            if key == "budget" and text.split()[-1].isdigit():
                self.result.budget_years.append(int(text.split()[-1]))
            if self.mode == "goals":
                index = self._goal_line(index, line, key)
                continue
            if key in SECTION_HEADINGS or (self.mode != "front" and field_key(text) == "resursanvandning"):
                self._open_section(line)
            elif self.mode == "section" and self.section is not None:
                self.section.add(line)
            else:
                self._front_matter(index, line)
            index += 1
        self._flush_unplaced()
        self._close_section()
        if self.mode == "goals" and self.result.goals:
            self.result.truncated_in = self.result.truncated_in or "the goal area"
        for goal in self.result.goals:
            for block in goal.fields.values():
                goal.last = max(goal.last, block.last)
        return self.result

    def _goal_line(self, index: int, line: Line, key: str) -> int:
        text = line.stripped
        if key in GOAL_AREA_END:
            self._flush_unplaced()
            self.stack.clear()
            self.field = None
            self.result.goal_area_closed = True
            self._open_section(line)
            return index + 1
        status = status_of(text)
        if status is not None:
            goal = self._current_goal()
            if goal is not None:
                goal.status = status
                goal.last = max(goal.last, line.number)
            return index + 1
        kind = table_kind(text)
        if kind:
            return self._read_table(index, kind)
        field = field_key(text)
        if field:
            self._open_field(line, field)
            return index + 1
        if self.field is not None:
            if not self.field.groups[-1] and text in self.unit_labels and self.field.label.lower() == "analys":
                return index + 1  # "Analys" / "<unit name>" label
            if self.field.label.lower() != "analys" or text not in self.unit_labels:
                self.field.add(line)
            return index + 1
        self.unplaced.append(line)
        return index + 1


def read_structure(lines: list[Line], *, one_per_line: bool) -> DocumentStructure:
    """Run the structural pass over cleaned lines."""
    labels = unit_labels_after_analysis(lines)
    structure = _StructureReader(lines, labels, one_per_line).run()
    structure.unit_labels = labels
    return structure
