"""Ingest entry points: text → ParsedDocument, file → ParsedDocument, many paths → report."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingest.cells import measure
from ingest.errors import EmptyDocumentError, IngestError, NotAPlanError, TruncatedDocumentError
from ingest.lines import split_lines
from ingest.metadata import Sidecar, load_sidecar, read_metadata
from ingest.models import (
    Activity,
    DocumentInfo,
    DocumentKind,
    Goal,
    GoalField,
    Indicator,
    ParsedDocument,
    ParseWarning,
    Section,
)
from ingest.readers import read_document, supported_suffixes
from ingest.structure import read_structure

_KIND_TITLES = {
    DocumentKind.VERKSAMHETSPLAN: ("vp", "Verksamhetsplan"),
    DocumentKind.VERKSAMHETSBERATTELSE: ("vb", "Verksamhetsberättelse"),
}
_MEASURED_CELLS = (
    "target",
    "kf_target",
    "outcome",
    "outcome_men",
    "outcome_women",
    "previous_outcome",
)


def slug(text: str) -> str:
    """ASCII slug for ids: "Älvsjö servicehus" → "alvsjo-servicehus"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _is_word_layout(lines: list[str]) -> bool:
    """The Word export puts a whole paragraph on one line and tables as tab-separated rows."""
    long_lines = sum(1 for line in lines if len(line) > 160)
    return long_lines >= 3 or any("\t" in line and "Startdatum" in line for line in lines)


def parse_text(text: str, source: str | Path, sidecar: Sidecar | None = None) -> ParsedDocument:
    """Parse one document's text. ``source`` names it in errors and provenance."""
    if not text.strip():
        raise EmptyDocumentError(source, "the document contains no text")
    split = split_lines(text)
    one_per_line = _is_word_layout([line.text for line in split.lines])
    structure = read_structure(split.lines, one_per_line=one_per_line)
    if not structure.goals:
        raise NotAPlanError(
            source,
            "not a verksamhetsplan or verksamhetsberättelse: no goal headings "
            "('KF:s inriktningsmål:', 'Nämndmål:', 'Enhetsmål:') were found",
        )
    if structure.truncated_in:
        last = split.lines[-1].number if split.lines else 0
        raise TruncatedDocumentError(
            source,
            f"the document looks truncated: it ends (line {last}) inside {structure.truncated_in}, "
            "before the closing sections (Redovisning/Uppföljning av ekonomi …)",
        )
    meta = read_metadata(source, text, split.lines, split.noise, structure, sidecar or Sidecar())
    prefix, kind_title = _KIND_TITLES[meta.kind]
    doc_id = f"{prefix}-{meta.year}-{slug(meta.unit)}"
    goal_ids = [f"{doc_id}/goal-{draft.index + 1}" for draft in structure.goals]
    goals = [
        Goal(
            id=goal_ids[draft.index],
            level=draft.level,
            number=draft.number,
            title=draft.title,
            parent=goal_ids[draft.parent] if draft.parent is not None else None,
            status=draft.status,
            fields={
                key: GoalField(label=block.label, text=text, lines=(block.first, block.last))
                for key, block in draft.fields.items()
                if (text := block.text(one_per_line))
            },
            lines=(draft.first, draft.last),
        )
        for draft in structure.goals
    ]
    activities = [
        Activity(
            id=f"{doc_id}/activity-{number}",
            goal=goal_ids[goal_index],
            title=row.title,
            start=row.start,
            end=row.end,
            deviation=row.deviation,
            analysis=row.analysis.text(),
            lines=(row.first, max([row.last, *(line.number for line in row.analysis.lines)])),
        )
        for number, (goal_index, row) in enumerate(structure.activities, start=1)
    ]
    indicators = []
    for number, (goal_index, row) in enumerate(structure.indicators, start=1):
        cells = {"target": None, "kf_target": None, "periodicity": None, "outcome": None, "outcome_men": None,
                 "outcome_women": None, "previous_outcome": None, "period": None} | row.cells
        measures = {name: m for name in _MEASURED_CELLS if (m := measure(cells[name])) is not None}
        indicators.append(
            Indicator(
                id=f"{doc_id}/indicator-{number}",
                goal=goal_ids[goal_index],
                name=row.name,
                analysis=row.analysis.text(),
                measures=measures,
                lines=(row.first, max([row.last, *(line.number for line in row.analysis.lines)])),
                **cells,
            )
        )
    sections = [
        Section(
            id=f"{doc_id}/section-{number}",
            heading=block.label,
            text=block.text(one_per_line),
            lines=(block.first, block.last),
        )
        for number, block in enumerate(structure.sections, start=1)
    ]
    warnings = list(structure.warnings) + [ParseWarning(message=message) for message in meta.warnings]
    return ParsedDocument(
        document=DocumentInfo(
            id=doc_id,
            source=str(source),
            unit=meta.unit,
            organisation=meta.organisation,
            year=meta.year,
            kind=meta.kind,
            title=f"{kind_title} {meta.year} – {meta.unit}",
            unit_from=meta.unit_from,
        ),
        sections=sections,
        goals=goals,
        activities=activities,
        indicators=indicators,
        warnings=warnings,
    )


def ingest_file(path: Path) -> ParsedDocument:
    """Read and parse one file, with its sidecar if it has one."""
    source = read_document(path)
    parsed = parse_text(source.text, path, load_sidecar(path))
    if source.warnings:
        extra = [ParseWarning(message=message) for message in source.warnings]
        parsed = parsed.model_copy(update={"warnings": extra + list(parsed.warnings)})
    return parsed


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[IngestError]]:
    """Files named directly, plus the readable documents inside named folders (sorted)."""
    files: list[Path] = []
    errors: list[IngestError] = []
    suffixes = supported_suffixes()
    for path in paths:
        if path.is_dir():
            found = sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and child.suffix.lower() in suffixes and ".meta." not in child.name
            )
            if not found:
                errors.append(IngestError(path, f"no {', '.join(suffixes)} documents in this folder"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(IngestError(path, "no such file or folder"))
    return files, errors


@dataclass
class IngestReport:
    """The documents that parsed and, for each file that did not, why."""

    documents: list[ParsedDocument] = field(default_factory=list)
    failures: list[IngestError] = field(default_factory=list)


def ingest_paths(paths: list[Path]) -> IngestReport:
    """Parse every document under ``paths``; a failing file is reported, the rest still parsed."""
    files, failures = expand_paths(paths)
    report = IngestReport(failures=failures)
    seen: dict[str, str] = {}
    for path in files:
        try:
            parsed = ingest_file(path)
        except IngestError as error:
            report.failures.append(error)
            continue
        except OSError as error:
            report.failures.append(IngestError(path, f"cannot read the file ({error.strerror or error})"))
            continue
        doc_id = parsed.document.id
        if doc_id in seen:
            report.failures.append(
                IngestError(path, f"is the same document ({doc_id}) as {seen[doc_id]}; only the first is kept")
            )
            continue
        seen[doc_id] = str(path)
        report.documents.append(parsed)
    return report
