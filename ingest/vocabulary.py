"""The fixed wording of the city's templates: goal headings, field labels, tables, sections."""

from __future__ import annotations

import re

from ingest.models import GoalLevel, GoalStatus

GOAL_HEADINGS: tuple[tuple[re.Pattern[str], GoalLevel], ...] = (
    (re.compile(r"^KF:s inriktningsmål:\s*(?P<rest>.*)$"), GoalLevel.KF_INRIKTNINGSMAL),
    (re.compile(r"^KF:s mål för verksamhetsområdet:\s*(?P<rest>.*)$"), GoalLevel.KF_VERKSAMHETSMAL),
    (re.compile(r"^Nämndmål:\s*(?P<rest>.*)$"), GoalLevel.NAMNDMAL),
    (re.compile(r"^Enhetsmål:\s*(?P<rest>.*)$"), GoalLevel.ENHETSMAL),
)
GOAL_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*)$")

# Labelled sub-sections of a goal; "Arbetsätt" is a spelling the 2025 template uses.
FIELD_LABELS: dict[str, str] = {
    "beskrivning": "beskrivning",
    "förväntat resultat": "forvantat_resultat",
    "arbetssätt": "arbetssatt",
    "arbetsätt": "arbetssatt",
    "resursanvändning": "resursanvandning",
    "uppföljning": "uppfoljning",
    "utveckling": "utveckling",
    "analys": "analys",
}

STATUSES: dict[str, GoalStatus] = {
    "uppfylls helt": GoalStatus.HELT,
    "uppfylls delvis": GoalStatus.DELVIS,
    "uppfylls inte": GoalStatus.INTE,
    "ingen": GoalStatus.INGEN,
}

ACTIVITY_HEADER = re.compile(r"^Aktivitet\s+Startdatum\s+Slutdatum(?P<vb>\s+Avvikelse)?$")
ACTIVITY_DATES = re.compile(
    r"(?P<start>\d{4}-\d{2}-\d{2})[\t ]+(?P<end>\d{4}-\d{2}-\d{2})(?:[\t ]+(?P<deviation>\S.*))?$"
)
VP_INDICATOR_HEADER = re.compile(r"^Indikator\s+Årsmål\s+KF:s årsmål.*\bPeriodicitet$")
VB_INDICATOR_HEADER = re.compile(r"^Indikator\s+Periodens\b.*$")
VB_INDICATOR_HEADER_END = re.compile(r"\bPeriod$")
VB_PREVIOUS_YEAR = re.compile(r"utfall VB\s+(?P<year>\d{4})")
VP_COLUMNS = ("target", "kf_target", "periodicity")
VB_COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous_outcome", "target", "kf_target", "period")

GOAL_AREA_START = "uppföljning av kommunfullmäktiges inriktningsmål"

# Headings of the free sections. Those in GOAL_AREA_END close the goal hierarchy; the
# others are only headings outside it (inside a goal, "Kompetensutveckling" is prose).
GOAL_AREA_END = {
    "redovisning av ekonomi",
    "uppföljning av ekonomi",
    "övrigt",
    "systematiskt kvalitetsarbete",
    "synpunkter och klagomål",
    "agenda 2030",
}
SECTION_HEADINGS = GOAL_AREA_END | {
    "inledning",
    "sammanfattande analys",
    "verksamhetsidé och värdegrund",
    "verksamhetsidé",
    "värdegrund",
    "verksamhetsbeskrivning",
    "organisationsbeskrivning",
    "enhetens uppdrag",
    "utvecklingsområden",
    "kvalitets- och utvecklingsarbete",
    "kvalitetsutveckling",
    "utvecklingsarbete",
    "aktiviteter och analys",
    "satsningar och förändringar",
    "kompetensutveckling",
    "medarbetarnas delaktighet",
    "sjukfrånvaro",
    "friskvård",
    "resursanvändning",
    "budget",
    "analys av resultaträkning - uppföljning av driftbudget",
    "investeringar",
    "medel för lokaländamål",
    "personalens medverkan i kvalitetsarbete",
    "stadens kvalitetsprogram",
    "arbetet med barns rättigheter",
    "jämställdhet",
}
DOCUMENT_TITLE = re.compile(r"^(?P<kind>Verksamhetsplan|Verksamhetsberättelse)\s+(?P<year>\d{4})$")


def heading_key(text: str) -> str:
    """Normalise a heading line for lookup: case, a stray leading digit, trailing ':' or ','.

    Returns "" for a line that does not start with a capital letter.

    The PDF export glues footnote digits to headings ("1Verksamhetsidé och värdegrund")
    and year suffixes vary ("Budget 2022", "Utvecklingsområden 2025").
    """
    text = re.sub(r"^\d(?=[A-ZÅÄÖ])", "", " ".join(text.split()))
    if not text[:1].isupper():
        return ""  # headings are capitalised; "systematiskt kvalitetsarbete" mid-sentence is prose
    key = text.lower()
    key = key.rstrip(":,;. ")
    if key in SECTION_HEADINGS:
        return key
    return re.sub(r"\s+\d{4}$", "", key)


def goal_heading(text: str) -> tuple[GoalLevel, str] | None:
    """(level, rest of line) if ``text`` starts a goal."""
    for pattern, level in GOAL_HEADINGS:
        match = pattern.match(text)
        if match:
            return level, match["rest"].strip()
    return None


def field_key(text: str) -> str | None:
    """The field key ("arbetssatt") if ``text`` is a goal field label."""
    return FIELD_LABELS.get(" ".join(text.split()).lower()) if text[:1].isupper() else None


def status_of(text: str) -> GoalStatus | None:
    """The assessment if ``text`` is a VB status line ("Uppfylls delvis")."""
    return STATUSES.get(" ".join(text.split()).lower()) if text[:1].isupper() else None


def table_kind(text: str) -> str | None:
    """"activity", "vp_indicator" or "vb_indicator" if ``text`` is a table header."""
    if ACTIVITY_HEADER.match(text):
        return "activity"
    if VP_INDICATOR_HEADER.match(text):
        return "vp_indicator"
    if VB_INDICATOR_HEADER.match(text):
        return "vb_indicator"
    return None


def is_structural(text: str) -> bool:
    """True for lines that always start a new element in the goal area."""
    return bool(
        goal_heading(text)
        or field_key(text)
        or status_of(text)
        or table_kind(text)
        or heading_key(text) in GOAL_AREA_END
        or heading_key(text) == GOAL_AREA_START
    )
