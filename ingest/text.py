"""Joining wrapped lines back into the unit's own sentences.

A PDF export breaks lines wherever the page ends, so "beteende-" / "förändring"
is one word split by line-break hyphenation, while "hälso- och sjukvård" is a
real hyphen compound that must keep its hyphen and space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A dangling "X-" followed by one of these is a suspended compound ("vård- och omsorgsboende").
_COMPOUND_CONJUNCTIONS = {"och", "eller", "samt", "som", "respektive", "resp.", "till", "&", "men", "/"}
# A paragraph-starting list item in the unit's text: "- Ökad andel …", "1. Enheten …", "• …".
_LIST_ITEM = re.compile(r"^(?:[-–•]\s+|\d{1,2}\.\s+)[A-ZÅÄÖ0-9\"”]")


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped pieces of one paragraph, undoing line-break hyphenation."""
    left = left.rstrip()
    right = right.strip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and not left.endswith(" -") and len(left) > 1:
        stem = left[:-1]
        prefix = re.split(r"[\s/(]", stem)[-1]
        first_word = right.split()[0]
        if first_word.lower() in _COMPOUND_CONJUNCTIONS or first_word.startswith("/") or first_word.endswith("-"):
            # "vård- och omsorgsboende", "kultur- idrotts- och fritidsaktiviteter"
            return f"{left} {right}"
        if prefix[-1:].isdigit() and right[0].isdigit():
            return left + right  # "2020-" / "2023"
        if len(prefix) <= 2 or not prefix.isalpha() or prefix.isupper():
            return left + right  # "e-" / "tjänster", "LED-" / "belysning", "HBTQ-" / "personer"
        if right[0].islower():
            return stem + right  # line-break hyphenation: "beteende-" / "förändring"
        return left + right  # "Hägersten-" / "Älvsjö"
    return f"{left} {right}"


def join_lines(lines: Iterable[str]) -> str:
    """Join the wrapped lines of one paragraph into a single line."""
    text = ""
    for line in lines:
        text = join_wrapped(text, line)
    return " ".join(text.split())


def paragraphs(lines: Iterable[str], *, one_per_line: bool = False) -> str:
    """Rebuild paragraphs from wrapped lines, separated by ``\\n``.

    In a PDF export a paragraph may wrap anywhere, so only list items (a line that
    starts with "- Ökad", "1. Enheten" …) start a new paragraph. In a Word export
    each line already is one paragraph (``one_per_line``) unless it starts in lowercase.
    """
    result: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        continues = line.strip()[:1].islower()  # a Word paragraph broken by a stray empty line
        if not result or _LIST_ITEM.match(line.strip()) or (one_per_line and not continues):
            result.append([line])
        else:
            result[-1].append(line)
    return "\n".join(join_lines(group) for group in result)


def normalise_space(text: str) -> str:
    """Collapse all whitespace runs to single spaces (for comparing texts)."""
    return " ".join(text.split())
