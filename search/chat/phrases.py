"""The fixed wording of chat answers, in Swedish and English."""

from __future__ import annotations

PHRASES = {
    "sv": {
        "units_intro": "{n} enheter skriver i sin egen text att de arbetar med {topic}:",
        "unit_intro": "En enhet skriver i sin egen text att den arbetar med {topic}:",
        "units_among": "Av {among} arbetar {n} med {topic} enligt sin egen text:",
        "units_none_among": "Ingen av {among} skriver i sin egen text om {topic}.",
        "units_rest": "{rest} nämner det inte i sin egen text.",
        "units_none": "Ingen enhet skriver i sin egen text om {topic}.",
        "units_closest": "Ingen enhet nämner just det; närmast i sak ligger:",
        "activities_intro": "Aktiviteter som svarar på frågan (mest relevant först):",
        "activity_line": "{title} — {unit}, {year}{dates}; under målet {goal}",
        "activities_none": "Jag hittar inga aktiviteter om det i dokumenten.",
        "activities_closest": "Ingen aktivitet nämner just det; närmast i sak ligger:",
        "indicators_intro": "Indikatorer som svarar på frågan:",
        "indicators_none": "Jag hittar inga indikatorer om det i dokumenten.",
        "indicators_closest": "Ingen indikator nämner just det; närmast i sak ligger:",
        "no_values": "inga värden redovisade",
        "goals_intro": "{n} {level} bedömdes som {status}{year}:",
        "goals_none": "Inga {level} bedömdes som {status}{year} i dokumenten.",
        "goals_elsewhere": "Bedömningen {status} finns för: {where}.",
        "goals_reports": "Verksamhetsberättelser med bedömningar finns för: {where}.",
        "evidence_intro": "Det här säger dokumenten (mest relevant först):",
        "evidence_none": "Jag hittar inget i dokumenten om det.",
        "in_year": " {year}",
        "more": "Dessutom {n} till: {names}.",
        "and": "och",
        "goals": "mål",
        "levels": {"enhetsmal": "enhetsmål", "namndmal": "nämndmål"},
        "statuses": {"helt": "helt uppfyllda", "delvis": "delvis uppfyllda", "inte": "inte uppfyllda"},
        "measures": {
            "outcome": "utfall",
            "previousOutcome": "tidigare utfall",
            "target": "mål",
            "kfTarget": "KF:s mål",
        },
        "sexes": {"women": "kvinnor", "men": "män"},
    },
    "en": {
        "units_intro": "{n} units say in their own text that they work on {topic}:",
        "unit_intro": "One unit says in its own text that it works on {topic}:",
        "units_among": "Of {among}, {n} work on {topic} according to their own text:",
        "units_none_among": "None of {among} writes about {topic} in its own text.",
        "units_rest": "Not mentioned in their own text: {rest}.",
        "units_none": "No unit writes about {topic} in its own text.",
        "units_closest": "No unit mentions exactly that; the closest are:",
        "activities_intro": "Activities that answer the question (most relevant first):",
        "activity_line": "{title} — {unit}, {year}{dates}; under the goal {goal}",
        "activities_none": "I find no activities about that in the documents.",
        "activities_closest": "No activity mentions exactly that; the closest are:",
        "indicators_intro": "Indicators that answer the question:",
        "indicators_none": "I find no indicators about that in the documents.",
        "indicators_closest": "No indicator mentions exactly that; the closest are:",
        "no_values": "no values reported",
        "goals_intro": "{n} {level} were assessed as {status}{year}:",
        "goals_none": "No {level} were assessed as {status}{year} in the documents.",
        "goals_elsewhere": "The assessment {status} is found for: {where}.",
        "goals_reports": "Reports with assessments exist for: {where}.",
        "evidence_intro": "This is what the documents say (most relevant first):",
        "evidence_none": "I find nothing about that in the documents.",
        "in_year": " in {year}",
        "more": "And {n} more: {names}.",
        "and": "and",
        "goals": "goals",
        "levels": {"enhetsmal": "unit goals", "namndmal": "committee goals"},
        "statuses": {"helt": "fully met", "delvis": "partly met", "inte": "not met"},
        "measures": {
            "outcome": "outcome",
            "previousOutcome": "previous outcome",
            "target": "target",
            "kfTarget": "city council target",
        },
        "sexes": {"women": "women", "men": "men"},
    },
}


def join_names(names: list[str], language: str) -> str:
    """ "A, B och C" / "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {PHRASES[language]['and']} {names[-1]}"
