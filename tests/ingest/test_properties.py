"""Property tests: layout changes that must not change what is extracted.

CRLF line ends, a BOM, prose re-wrapped at another width and page headers
inserted at random places leave the goals, activities and indicators as they are.
"""

from __future__ import annotations

import os
import textwrap
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import ParsedDocument, parse_text
from ingest.lines import is_page_noise
from ingest.metadata import load_sidecar
from ingest.readers.txt import decode_text
from ingest.text import paragraphs
from tests.conftest import CORPUS_FILES
from tests.ingest.helpers import extracted_content

NUMBERS = sorted(CORPUS_FILES)
PDF_LAYOUT = ["000", "001", "002", "003"]  # 004 is a Word export: one paragraph per line
PAGE_FURNITURE = [
    ["Tjänsteutlåtande ", "Sid 5 (23) "],
    [" start.stockholm ", "08-50821544 "],
    ["{unit}, {kind} 12(23) "],  # the VB/VP running header names the document's own unit
    ["Sid 17 (19)"],
]
# 30 examples per property in the normal run; HYPOTHESIS_EXAMPLES=500 for a thorough one.
PROPERTY_SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "30")), deadline=None)


@cache
def baseline(number: str) -> ParsedDocument:
    """The corpus document parsed from its file, as the reference."""
    return parse(number, original(number))


def parse(number: str, text: str) -> ParsedDocument:
    path = CORPUS_FILES[number]
    return parse_text(text, path, load_sidecar(path))


def original(number: str) -> str:
    return CORPUS_FILES[number].read_text(encoding="utf-8")


@PROPERTY_SETTINGS
@given(
    number=st.sampled_from(NUMBERS),
    bom=st.booleans(),
    crlf_lines=st.sets(st.integers(min_value=0, max_value=1000), max_size=200),
    all_crlf=st.booleans(),
)
def test_crlf_and_bom_change_nothing(number, bom, crlf_lines, all_crlf):
    lines = original(number).split("\n")
    ends = ["\r\n" if all_crlf or index in crlf_lines else "\n" for index in range(len(lines) - 1)] + [""]
    raw = "".join(line + end for line, end in zip(lines, ends)).encode("utf-8")
    source = decode_text((b"\xef\xbb\xbf" if bom else b"") + raw, CORPUS_FILES[number])
    parsed = parse(number, source.text)
    assert parsed.model_dump(exclude={"document"}) == baseline(number).model_dump(exclude={"document"})


def furnished(number: str, insertions: list[tuple[int, list[str]]], *, page_break: bool) -> str:
    """The document with page furniture inserted at the given positions.

    With ``page_break`` the furniture comes with the blank lines a real page break
    leaves, and only where a page may break without changing the structure: at a
    blank line, or inside a sentence (the next line goes on in lowercase).
    """
    lines = original(number).split("\n")
    info = baseline(number).document
    kind = "Verksamhetsplan" if info.kind == "verksamhetsplan" else "Verksamhetsberättelse"
    breakable = [
        index
        for index in range(1, len(lines))
        if not lines[index].strip() or (lines[index - 1].strip() and lines[index].strip()[:1].islower())
    ]
    placed = []
    for position, furniture in insertions:
        block = [line.format(unit=info.unit, kind=kind) for line in furniture]
        if page_break:
            placed.append((breakable[position % len(breakable)], ["", "", *block, " ", ""]))
        else:
            placed.append((position % (len(lines) + 1), block))
    for at, block in sorted(placed, key=lambda item: item[0], reverse=True):  # later positions first
        lines[at:at] = block
    return "\n".join(lines)


INSERTIONS = st.lists(
    st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(PAGE_FURNITURE)), min_size=1, max_size=8
)


@pytest.mark.parametrize("page_break", [False, True], ids=["furniture-anywhere", "page-break-with-blank-lines"])
@PROPERTY_SETTINGS
@given(number=st.sampled_from(NUMBERS), insertions=INSERTIONS)
def test_page_headers_change_nothing(page_break, number, insertions):
    parsed = parse(number, furnished(number, insertions, page_break=page_break))
    assert extracted_content(parsed) == extracted_content(baseline(number))
    assert parsed.warnings == []


def rewrapped(text: str, parsed: ParsedDocument, width: int) -> str:
    """Re-wrap the prose of every goal field at ``width`` (fields with page furniture kept as is)."""
    lines = text.split("\n")
    blocks = []
    for goal in parsed.goals:
        for key, field in goal.fields.items():
            first, last = field.lines  # ``first`` is the label line
            body = lines[first:last]
            if key == "analys" or any(is_page_noise(line.strip()) for line in body if line.strip()):
                continue
            wrapped: list[str] = []
            for paragraph in paragraphs(body).split("\n"):
                wrapped.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False, break_long_words=False))
            blocks.append((first, last, wrapped))
    for first, last, wrapped in sorted(blocks, reverse=True):
        lines[first:last] = wrapped
    return "\n".join(lines)


@PROPERTY_SETTINGS
@given(number=st.sampled_from(PDF_LAYOUT), width=st.integers(min_value=30, max_value=140))
def test_prose_rewrapped_at_another_width_changes_nothing(number, width):
    text = rewrapped(original(number), baseline(number), width)
    assert text != original(number)
    parsed = parse(number, text)
    assert extracted_content(parsed) == extracted_content(baseline(number))
    assert parsed.warnings == []
