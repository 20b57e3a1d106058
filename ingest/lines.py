"""Source lines: numbering, cleaning, and the page noise that is not the unit's text.

Page headers and footers, the table of contents and export markup are removed
here, before the structure is parsed, while every remaining line keeps its
original 1-based number so provenance points at the source file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Page furniture of the PDF export ("Tjänsteutlåtande", "Sid 5 (23)", "start.stockholm",
# a telephone number) and the VB running header "<unit>, Verksamhetsberättelse 12(23)".
_NOISE_PATTERNS = [
    re.compile(r"^Tjänsteutlåtande$"),
    re.compile(r"^Sid \d+\s*\(\d+\)$"),
    re.compile(r"^start\.stockholm$"),
    re.compile(r"^(?:Telefon:?\s*)?0\d{1,3}[-\s]?\d{2,3}(?:[-\s]?\d{2,3}){1,3}$"),
    re.compile(r"^Dnr:?\s.*$"),
]
RUNNING_HEADER = re.compile(r"^(?P<unit>.+?),\s*(?P<kind>Verksamhetsberättelse|Verksamhetsplan)\s+\d+\s*\(\d+\)$")
_TOC_HEADING = re.compile(r"^Innehållsförteckning$", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"^.+?(?:\t+|\.{3,}\s*)\d*$|^.+\.{3,}\s*\t\d+$")
_EMPHASIS = re.compile(r"\*(\S(?:.*?\S)?)\*")
_SECTION_MARK = re.compile(r"\s*§(?=\s|$)")


@dataclass(frozen=True)
class Line:
    """One source line after cleaning; ``number`` is its 1-based line in the file."""

    number: int
    text: str

    @property
    def stripped(self) -> str:
        """The text without surrounding whitespace."""
        return self.text.strip()

    @property
    def blank(self) -> bool:
        """True for empty and whitespace-only lines."""
        return not self.text.strip()

    @property
    def indent(self) -> int:
        """Number of leading spaces (table cells use them to mark empty columns)."""
        return len(self.text) - len(self.text.lstrip(" "))


def clean(text: str) -> str:
    """Drop export markup: ``*emphasis*`` markers, a trailing '§', NBSPs, trailing spaces."""
    text = text.replace("\u00a0", " ").replace("\u00ad", "").rstrip()
    text = _EMPHASIS.sub(r"\1", text)
    return _SECTION_MARK.sub("", text)


def is_page_noise(stripped: str) -> bool:
    """True for page headers/footers that the export adds to every page."""
    return any(pattern.match(stripped) for pattern in _NOISE_PATTERNS) or bool(RUNNING_HEADER.match(stripped))


@dataclass
class SourceLines:
    """The cleaned, numbered lines of a document and what was removed as noise."""

    lines: list[Line]
    noise: list[Line]
    table_of_contents: list[Line]


def split_lines(text: str) -> SourceLines:
    """Number and clean lines; separate page noise and the table of contents."""
    kept: list[Line] = []
    noise: list[Line] = []
    toc: list[Line] = []
    in_toc = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = Line(number, clean(raw))
        stripped = line.stripped
        if stripped and is_page_noise(stripped):
            noise.append(line)  # also inside a table of contents that runs over a page break
            continue
        if in_toc:
            if line.blank or _TOC_ENTRY.match(line.text.strip(" ")):
                toc.append(line)
                continue
            in_toc = False
        if _TOC_HEADING.match(stripped):
            in_toc = True
            toc.append(line)
            continue
        kept.append(line)
    return SourceLines(_close_page_gaps(kept, {line.number for line in noise}), noise, toc)


def _close_page_gaps(kept: list[Line], noise_numbers: set[int]) -> list[Line]:
    """Drop the blank lines of a page break that falls inside a sentence.

    A page break leaves blank lines around its header. Where the text after it goes
    on in lowercase, the sentence continues and those blank lines mean nothing; where
    it does not, they are kept, since a blank line can end a table row's analysis.
    """
    result: list[Line] = []
    index = 0
    while index < len(kept):
        line = kept[index]
        if not line.blank:
            result.append(line)
            index += 1
            continue
        end = index
        while end < len(kept) and kept[end].blank:
            end += 1
        run = kept[index:end]
        low = run[0].number - 1
        high = run[-1].number + 1
        touches_noise = any(number in noise_numbers for number in range(low, high + 1))
        following = kept[end] if end < len(kept) else None
        continues = following is not None and following.stripped[:1].islower()
        if not (touches_noise and continues and result):
            result.extend(run)
        index = end
    return result
