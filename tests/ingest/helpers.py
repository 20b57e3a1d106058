"""Helpers for comparing parses of the same document in different forms."""

from __future__ import annotations

from ingest import ParsedDocument
from ingest.text import normalise_space


def extracted_content(parsed: ParsedDocument) -> dict:
    """Goals, activities and indicators without line numbers, text whitespace-normalised.

    Two parses of the same document (as .txt/.docx/.pdf, re-wrapped, with page headers
    inserted) must agree on this; line numbers legitimately differ.
    """
    goals = [
        {
            "id": goal.id,
            "level": goal.level,
            "number": goal.number,
            "title": goal.title,
            "parent": goal.parent,
            "status": goal.status,
            "fields": {key: normalise_space(field.text) for key, field in goal.fields.items()},
        }
        for goal in parsed.goals
    ]
    activities = [activity.model_dump(exclude={"lines"}) for activity in parsed.activities]
    indicators = [indicator.model_dump(exclude={"lines"}) for indicator in parsed.indicators]
    for activity in activities:
        activity["analysis"] = normalise_space(activity["analysis"] or "")
    for indicator in indicators:
        indicator["analysis"] = normalise_space(indicator["analysis"] or "")
    return {"goals": goals, "activities": activities, "indicators": indicators}
