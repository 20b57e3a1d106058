"""Table cells: recognising values as printed and reading numbers out of them.

Text extraction collapses a table row to one line. A value cell is recognised
by its shape ("86 %", "1,8 kg CO2 …", "Tas fram av nämnd", "öka", "Max 10
personer"); empty cells leave extra spaces behind: a run of k spaces between
two values stands for k-1 empty cells, k leading spaces on a value-only line
for k empty cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Measure

_NUMBER = r"-?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?"
_UNIT_WORDS = (
    r"%|procent|kr|kronor|tkr|mnkr|st|stycken|personer|dagar|timmar|GWh|MWh|kWh|ton|"
    r"kg CO2e?(?: per kg(?: livsmedel)?)?"
)
_NUMERIC_CELL = re.compile(rf"(?:(?P<cmp>Max|Min|max|min)\s+)?(?P<num>{_NUMBER})(?:\s*(?P<unit>{_UNIT_WORDS}))?")
_WORD_CELLS = re.compile(r"(?:Tas fram(?: av(?: nämnd(?:/\w*)?)?)?|[Öö]ka|[Mm]inska|Ökning|Minskning)")
# The periodicity (VP) or period (VB) column, always the last cell of a row.
PERIOD = re.compile(
    r"(?:År|Tertial|Halvår|Kvartal|Månad|Helår|Vår|Höst|"
    r"(?:VB|T[1-3]|Tertial [1-3]|Delår)\s+\d{4}|\d{4})"
)
# Cell texts the city's system prints, which a narrow column wraps mid-word.
_CANONICAL_CELLS = ("Tas fram av nämnd/styrelse", "Tas fram av nämnd")


# A cell ends at a space or the end of the line; the lookahead lets "82 2021" backtrack
# from the thousands reading "82 202" to the two cells "82" and "2021".
_CELL_PATTERNS = tuple(
    re.compile(f"(?:{pattern.pattern})(?= |$)") for pattern in (_NUMERIC_CELL, _WORD_CELLS, PERIOD)
)


@dataclass(frozen=True)
class Cell:
    """A table cell's text, or None for an empty cell."""

    text: str | None


def _match_value(segment: str, position: int) -> int | None:
    """End of the value cell starting at ``position`` (must end at a space or the end)."""
    best: int | None = None
    for pattern in _CELL_PATTERNS:
        match = pattern.match(segment, position)
        if match:
            best = max(best or 0, match.end())
    return best


def split_values(text: str, *, leading_gap_is_cells: bool) -> list[Cell] | None:
    """Split a run of value cells, or return None if ``text`` is not only values.

    Runs of spaces mark empty cells as described in the module docstring.
    """
    cells: list[Cell] = []
    position = 0
    leading = len(text) - len(text.lstrip(" "))
    if leading_gap_is_cells:
        cells.extend(Cell(None) for _ in range(leading))
    position = leading
    text = text.rstrip()
    if position >= len(text):
        return None
    while position < len(text):
        end = _match_value(text, position)
        if end is None:
            return None
        cells.append(Cell(text[position:end]))
        gap_end = end
        while gap_end < len(text) and text[gap_end] == " ":
            gap_end += 1
        if gap_end < len(text):
            cells.extend(Cell(None) for _ in range(gap_end - end - 1))
        position = gap_end
    return cells


def split_name_and_values(line: str) -> tuple[str, list[Cell]] | None:
    """Split "Andel trygga omsorgstagare 84 % Tas fram av" into name and value cells.

    Takes the earliest word boundary after which the rest of the line is only values.
    """
    stripped = line.rstrip()
    for match in re.finditer(r" +", stripped):
        name = stripped[: match.start()].strip()
        if not name:
            continue
        gap = match.end() - match.start()
        cells = split_values(stripped[match.end():], leading_gap_is_cells=False)
        if cells is not None:
            return name, [Cell(None)] * (gap - 1) + cells
    return None


def continue_cell(cell_text: str, continuation: str) -> str:
    """Append a wrapped continuation ("nämnd/styrel" + "se") to a cell's text."""
    joined = f"{cell_text} {continuation.strip()}"
    squeezed = joined.replace(" ", "")
    for canonical in _CANONICAL_CELLS:
        if canonical.replace(" ", "") == squeezed:
            return canonical
    return joined


def is_continuation_fragment(text: str) -> bool:
    """True for a wrapped piece of a value cell ("nämnd", "nämnd/styrel", "se", "per kg")."""
    stripped = text.strip()
    return bool(stripped) and bool(re.fullmatch(r"[a-zåäö/]+(?: [a-zåäö/]+)*", stripped)) and len(stripped) <= 20


def measure(text: str | None) -> Measure | None:
    """The number, unit and bound in a cell such as "86 %" or "Max 10 personer"."""
    if not text:
        return None
    match = _NUMERIC_CELL.fullmatch(text.strip())
    if not match:
        return None
    number = float(match["num"].replace(" ", "").replace("\u00a0", "").replace(",", "."))
    comparator = match["cmp"].lower() if match["cmp"] else None
    return Measure(number=number, unit=match["unit"], comparator=comparator)
