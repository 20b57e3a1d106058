"""Activity and indicator tables, in both the PDF text layout and the Word tab layout.

Each ``read_*`` function starts at a table header line and returns the rows it
found plus the index of the first line after the table. A table ends at the next
structural line (goal heading, field label, status, another table header).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.cells import PERIOD, Cell, continue_cell, is_continuation_fragment, split_name_and_values, split_values
from ingest.lines import Line
from ingest.models import ParseWarning
from ingest.text import join_lines
from ingest.vocabulary import (
    ACTIVITY_DATES,
    VB_COLUMNS,
    VB_INDICATOR_HEADER_END,
    VB_PREVIOUS_YEAR,
    VP_COLUMNS,
    field_key,
    is_structural,
    table_kind,
)


@dataclass
class RowAnalysis:
    """The "Analys" paragraph a VB prints under a table row."""

    lines: list[Line] = field(default_factory=list)

    def text(self) -> str | None:
        """The analysis as one paragraph, or None if it was empty."""
        return join_lines(line.stripped for line in self.lines) or None


@dataclass
class ActivityRow:
    """One activity row before ids are assigned."""

    title: str
    start: str | None
    end: str | None
    deviation: str | None
    first: int
    last: int
    analysis: RowAnalysis = field(default_factory=RowAnalysis)


@dataclass
class IndicatorRow:
    """One indicator row before ids are assigned; ``cells`` maps column → text."""

    name: str
    cells: dict[str, str | None]
    first: int
    last: int
    analysis: RowAnalysis = field(default_factory=RowAnalysis)


@dataclass
class TableResult:
    """Rows read from one table, where reading stopped, and what could not be placed."""

    activities: list[ActivityRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    next_index: int = 0
    warnings: list[ParseWarning] = field(default_factory=list)
    incomplete_at_end: bool = False
    previous_year: int | None = None


class _AnalysisReader:
    """Collects a row's "Analys" paragraph: unit-name labels skipped, ends at a blank line."""

    def __init__(self, unit_labels: set[str]) -> None:
        self.unit_labels = unit_labels
        self.target: RowAnalysis | None = None

    @property
    def active(self) -> bool:
        return self.target is not None

    def start(self, target: RowAnalysis) -> None:
        self.target = target

    def feed(self, line: Line) -> bool:
        """Consume ``line`` if it belongs to the analysis; return whether it did."""
        if self.target is None:
            return False
        if line.blank:
            if self.target.lines:
                self.target = None
            return True
        if not self.target.lines and line.stripped in self.unit_labels:
            return True
        self.target.lines.append(line)
        return True


def _unplaced(lines: list[Line], what: str) -> ParseWarning:
    text = join_lines(line.stripped for line in lines)
    return ParseWarning(
        message=f"{what} could not be placed in the table: {text[:120]!r}",
        lines=(lines[0].number, lines[-1].number),
    )


def _ends_table(line: Line, can_take_analysis: bool) -> bool:
    return is_structural(line.stripped) and not (field_key(line.stripped) == "analys" and can_take_analysis)


def read_activities(lines: list[Line], header: int, unit_labels: set[str]) -> TableResult:
    """Read an Aktivitet table; a row is title lines followed by its two dates."""
    result = TableResult()
    pending: list[Line] = []
    analysis = _AnalysisReader(unit_labels)
    index = header + 1
    while index < len(lines):
        line = lines[index]
        if analysis.active and not (not line.blank and _ends_table(line, False)) and analysis.feed(line):
            index += 1
            continue
        if line.blank or (not line.stripped.strip("\t")):
            index += 1
            continue
        if _ends_table(line, can_take_analysis=bool(result.activities) and not pending):
            break
        if field_key(line.stripped) == "analys":
            analysis.start(result.activities[-1].analysis)
            index += 1
            continue
        dates = ACTIVITY_DATES.search(line.text)
        if dates:
            before = line.text[: dates.start()].strip(" \t")
            title_lines = [entry.stripped for entry in pending] + ([before] if before else [])
            first = pending[0].number if pending else line.number
            if not title_lines:
                result.warnings.append(_unplaced([line], "Dates without an activity title"))
            else:
                result.activities.append(
                    ActivityRow(
                        title=join_lines(title_lines),
                        start=dates["start"],
                        end=dates["end"],
                        deviation=(dates["deviation"] or "").strip() or None,
                        first=first,
                        last=line.number,
                    )
                )
            pending = []
            index += 1
            continue
        pending.append(line)
        index += 1
    if pending:
        result.warnings.append(_unplaced(pending, "Activity text without start and end dates"))
        result.incomplete_at_end = index >= len(lines)
    result.next_index = index
    return result


class _IndicatorRowBuilder:
    """Accumulates name lines and value cells of one PDF-layout indicator row."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        self.columns = columns
        self.name_lines: list[Line] = []
        self.cells: list[Cell] | None = None
        self.value_lines: list[Line] = []

    @property
    def started(self) -> bool:
        return bool(self.name_lines or self.cells)

    @property
    def complete(self) -> bool:
        if self.cells is None:
            return False
        if len(self.cells) >= len(self.columns):
            return True
        last = self.cells[-1].text
        return last is not None and bool(PERIOD.fullmatch(last))

    def take_values(self, line: Line) -> bool:
        """Read value cells from ``line`` (alone, or after the name on the same line)."""
        if self.name_lines:
            cells = split_values(line.text, leading_gap_is_cells=True)
            if cells is not None:
                self.cells = cells
                self.value_lines.append(line)
                return True
        split = split_name_and_values(line.text)
        if split is None:
            return False
        name, cells = split
        self.name_lines.append(Line(line.number, name))
        self.cells = cells
        self.value_lines.append(line)
        return True

    def continue_values(self, line: Line) -> bool:
        """A period on its own line, or a wrapped piece of the last value cell."""
        assert self.cells is not None
        if PERIOD.fullmatch(line.stripped):
            self.cells.append(Cell(line.stripped))
            self.value_lines.append(line)
            return True
        filled = [i for i, cell in enumerate(self.cells) if cell.text is not None]
        if filled and is_continuation_fragment(line.stripped):
            last = filled[-1]
            self.cells[last] = Cell(continue_cell(self.cells[last].text or "", line.stripped))
            self.value_lines.append(line)
            return True
        return False

    def build(self) -> tuple[IndicatorRow, ParseWarning | None]:
        cells = list(self.cells or [])
        warning = None
        # The period column is always last; missing cells before it were empty.
        if cells and cells[-1].text and PERIOD.fullmatch(cells[-1].text):
            while len(cells) < len(self.columns):
                cells.insert(len(cells) - 1, Cell(None))
        while len(cells) > len(self.columns) and cells[0].text is None:
            cells.pop(0)
        if len(cells) != len(self.columns):
            lines = self.name_lines + self.value_lines
            warning = ParseWarning(
                message=f"indicator row has {len(cells)} cells where {len(self.columns)} were expected",
                lines=(lines[0].number, lines[-1].number),
            )
            cells = (cells + [Cell(None)] * len(self.columns))[: len(self.columns)]
        all_lines = self.name_lines + self.value_lines
        row = IndicatorRow(
            name=join_lines(line.stripped for line in self.name_lines),
            cells={column: cell.text for column, cell in zip(self.columns, cells)},
            first=min(line.number for line in all_lines),
            last=max(line.number for line in all_lines),
        )
        return row, warning


def _read_tab_indicators(lines: list[Line], index: int, columns: tuple[str, ...], result: TableResult) -> int:
    """Word layout: one tab-separated line per row, name first.

    Blank lines inside the table (a page break in the export) are skipped; the table
    ends at the first line without a tab or at the next table's header.
    """
    while index < len(lines):
        line = lines[index]
        if line.blank:
            following = next((ln for ln in lines[index + 1 :] if not ln.blank), None)
            if following is None or "\t" not in following.text or table_kind(following.stripped):
                break
            index += 1
            continue
        if "\t" not in line.text or table_kind(line.stripped):
            break
        parts = [part.strip() for part in line.text.split("\t")]
        values = (parts[1:] + [""] * len(columns))[: len(columns)]
        if len(parts) - 1 > len(columns):
            result.warnings.append(
                ParseWarning(message=f"indicator row has {len(parts) - 1} cells", lines=(line.number, line.number))
            )
        result.indicators.append(
            IndicatorRow(
                name=parts[0],
                cells={column: value or None for column, value in zip(columns, values)},
                first=line.number,
                last=line.number,
            )
        )
        index += 1
    return index


def read_indicators(lines: list[Line], header: int, vb: bool, unit_labels: set[str]) -> TableResult:
    """Read an Indikator table (VP: 3 value columns, VB: 7)."""
    result = TableResult()
    columns = VB_COLUMNS if vb else VP_COLUMNS
    index = header
    if vb:  # the VB header wraps over many short lines and ends with "… årsmål Period"
        header_text = []
        while index < len(lines) and len(header_text) < 30:
            header_text.append(lines[index].stripped)
            if VB_INDICATOR_HEADER_END.search(lines[index].stripped):
                break
            index += 1
        previous = VB_PREVIOUS_YEAR.search(" ".join(header_text))
        result.previous_year = int(previous["year"]) if previous else None
    index += 1
    if "\t" in lines[header].text:
        result.next_index = _read_tab_indicators(lines, index, columns, result)
        return result

    row = _IndicatorRowBuilder(columns)
    analysis = _AnalysisReader(unit_labels)

    def finish() -> None:
        nonlocal row
        if row.cells is not None:
            built, warning = row.build()
            result.indicators.append(built)
            if warning:
                result.warnings.append(warning)
        elif row.name_lines:
            result.warnings.append(_unplaced(row.name_lines, "Indicator name without values"))
        row = _IndicatorRowBuilder(columns)

    while index < len(lines):
        line = lines[index]
        if analysis.active and not (not line.blank and _ends_table(line, False)) and analysis.feed(line):
            index += 1
            continue
        if line.blank:
            index += 1
            continue
        if _ends_table(line, can_take_analysis=bool(result.indicators) or row.complete):
            break
        if field_key(line.stripped) == "analys":
            finish()
            analysis.start(result.indicators[-1].analysis)
            index += 1
            continue
        if row.cells is not None:
            if not row.complete and row.continue_values(line):
                index += 1
                continue
            finish()
        if row.take_values(line):
            index += 1
            continue
        row.name_lines.append(line)
        index += 1
    if row.started and not row.complete:
        result.incomplete_at_end = index >= len(lines)
    finish()
    result.next_index = index
    return result
