"""Unit, year, kind and organisation of a document, read from its text.

The file name is never used. Where the text does not name the unit, a sidecar
``<name>.meta.toml`` (or ``.meta.json``) next to the document supplies it.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import MissingMetadataError, SidecarError
from ingest.lines import RUNNING_HEADER, Line
from ingest.models import DocumentKind
from ingest.structure import DocumentStructure
from ingest.vocabulary import ACTIVITY_HEADER, VB_INDICATOR_HEADER, VP_INDICATOR_HEADER, status_of

_SIDECAR_KEYS = {"unit", "organisation", "year", "kind"}
_ORGANISATION = re.compile(r"\b(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:-[A-ZÅÄÖ][\wåäöÅÄÖ]*)*) stadsdelsnämnd\b")


@dataclass(frozen=True)
class Sidecar:
    """Metadata a person wrote next to a document because its text lacks it."""

    path: Path | None = None
    values: dict[str, str | int] = field(default_factory=dict)


def sidecar_paths(source: Path) -> list[Path]:
    """Where a sidecar for ``source`` may lie: ``<stem>.meta.toml`` or ``<stem>.meta.json``."""
    return [source.with_name(f"{source.stem}.meta.toml"), source.with_name(f"{source.stem}.meta.json")]


def load_sidecar(source: Path) -> Sidecar:
    """Read the sidecar of ``source`` if there is one; SidecarError if it is malformed."""
    for path in sidecar_paths(source):
        if not path.exists():
            continue
        try:
            raw = path.read_text(encoding="utf-8")
            values = tomllib.loads(raw) if path.suffix == ".toml" else json.loads(raw)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
            raise SidecarError(path, f"malformed sidecar: {error}") from error
        if not isinstance(values, dict):
            raise SidecarError(path, "a sidecar must be a table of keys")
        unknown = set(values) - _SIDECAR_KEYS
        if unknown:
            raise SidecarError(path, f"unknown keys {sorted(unknown)}; allowed: {sorted(_SIDECAR_KEYS)}")
        return Sidecar(path, values)
    return Sidecar()


@dataclass(frozen=True)
class Metadata:
    """What the text (or a sidecar) says about the document."""

    unit: str
    unit_from: str
    organisation: str | None
    year: int
    kind: DocumentKind
    warnings: tuple[str, ...] = ()


def _kind(lines: list[Line], structure: DocumentStructure) -> DocumentKind | None:
    if structure.title_kind:
        return (
            DocumentKind.VERKSAMHETSPLAN
            if structure.title_kind == "Verksamhetsplan"
            else DocumentKind.VERKSAMHETSBERATTELSE
        )
    vb = vp = 0
    for line in lines:
        text = line.stripped
        if VB_INDICATOR_HEADER.match(text) or (status_of(text) and text != "Ingen"):
            vb += 1
        elif (header := ACTIVITY_HEADER.match(text)) is not None:
            if header["vb"]:
                vb += 1
            else:
                vp += 1
        elif VP_INDICATOR_HEADER.match(text):
            vp += 1
    if vb > vp:
        return DocumentKind.VERKSAMHETSBERATTELSE
    if vp > vb:
        return DocumentKind.VERKSAMHETSPLAN
    return None


def _year(structure: DocumentStructure, kind: DocumentKind) -> int | None:
    if structure.title_year:
        return structure.title_year
    if structure.budget_years:
        return Counter(structure.budget_years).most_common(1)[0][0]
    if kind is DocumentKind.VERKSAMHETSBERATTELSE and structure.previous_years:
        return Counter(structure.previous_years).most_common(1)[0][0] + 1
    ends = Counter(int(row.end[:4]) for _, row in structure.activities if row.end)
    if ends:
        return ends.most_common(1)[0][0]
    return None


def _unit_from_text(noise: list[Line], structure: DocumentStructure) -> str | None:
    if structure.title_unit:
        return structure.title_unit
    headers = Counter(m["unit"].strip() for line in noise if (m := RUNNING_HEADER.match(line.stripped)))
    if headers:
        return headers.most_common(1)[0][0]
    if len(structure.unit_labels) == 1:
        return next(iter(structure.unit_labels))
    return None


def _organisation(text: str, recipient: str | None) -> str | None:
    names = Counter(match["name"] for match in _ORGANISATION.finditer(text))
    if recipient:
        match = _ORGANISATION.search(recipient)
        if match:
            names[match["name"]] += 1
    if not names:
        return None
    name = names.most_common(1)[0][0]
    # Swedish genitive of a name ending in a vowel: "Hägersten-Älvsjös stadsdelsnämnd".
    if name.endswith("s") and name[-2:-1].lower() in "aeiouyåäö":
        name = name[:-1]
    return f"{name} stadsdelsnämnd"


def read_metadata(
    source: Path | str,
    text: str,
    lines: list[Line],
    noise: list[Line],
    structure: DocumentStructure,
    sidecar: Sidecar,
) -> Metadata:
    """Decide unit, year, kind and organisation; raise a clear error where the text is silent."""
    warnings: list[str] = []
    kind = _kind(lines, structure)
    if kind is None and "kind" in sidecar.values:
        kind = DocumentKind(str(sidecar.values["kind"]))
    if kind is None:
        raise MissingMetadataError(
            source, "cannot tell a plan (VP) from a report (VB): the text has neither VP nor VB tables or statuses"
        )
    year = _year(structure, kind)
    if "year" in sidecar.values:
        sidecar_year = int(sidecar.values["year"])
        if year is not None and year != sidecar_year:
            warnings.append(f"the text says {year} but the sidecar says {sidecar_year}; using the text")
        year = year or sidecar_year
    if year is None:
        raise MissingMetadataError(source, "cannot find the year in the text and no sidecar gives one")
    unit = _unit_from_text(noise, structure)
    unit_from = "text"
    sidecar_unit = sidecar.values.get("unit")
    if unit is None:
        if not sidecar_unit:
            names = ", ".join(path.name for path in sidecar_paths(Path(source)))
            raise MissingMetadataError(
                source,
                f"the text does not name its unit; add a sidecar ({names}) with: unit = \"<the unit's name>\"",
            )
        unit, unit_from = str(sidecar_unit), "sidecar"
    elif sidecar_unit and sidecar_unit != unit:
        warnings.append(f"the text names the unit {unit!r}, the sidecar {sidecar_unit!r}; using the text")
    organisation = str(sidecar.values["organisation"]) if "organisation" in sidecar.values else None
    organisation = organisation or _organisation(text, structure.recipient)
    return Metadata(unit, unit_from, organisation, year, kind, tuple(warnings))
