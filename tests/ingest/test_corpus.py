"""What the parser extracts from each of the five bundled documents, checked against the text."""

from __future__ import annotations

import pytest

from ingest import ParsedDocument
from ingest.models import DocumentKind, GoalLevel, GoalStatus, Measure


def goal_titled(doc: ParsedDocument, title: str, level: GoalLevel | None = None):
    matches = [g for g in doc.goals if g.title == title and (level is None or g.level == level)]
    assert len(matches) == 1, f"{len(matches)} goals titled {title!r}"
    return matches[0]


def indicator_named(doc: ParsedDocument, name: str):
    matches = [i for i in doc.indicators if i.name == name]
    assert len(matches) == 1, f"{len(matches)} indicators named {name!r}"
    return matches[0]


def activity_titled(doc: ParsedDocument, title: str):
    matches = [a for a in doc.activities if a.title == title]
    assert len(matches) == 1, f"{len(matches)} activities titled {title!r}"
    return matches[0]


def test_documents_metadata_comes_from_text_or_sidecar(corpus):
    expected = {
        "000": ("Älvsjö servicehus", "sidecar", 2022, DocumentKind.VERKSAMHETSPLAN),
        "001": ("Fruängsgårdens vård- och omsorgsboende", "sidecar", 2021, DocumentKind.VERKSAMHETSPLAN),
        "002": ("Beställarenheten äldre", "text", 2022, DocumentKind.VERKSAMHETSBERATTELSE),
        "003": ("Glasade Gången", "sidecar", 2021, DocumentKind.VERKSAMHETSBERATTELSE),
        "004": ("Hägersten-Älvsjös hemtjänst", "text", 2025, DocumentKind.VERKSAMHETSPLAN),
    }
    for number, (unit, unit_from, year, kind) in expected.items():
        info = corpus[number].document
        assert (info.unit, info.unit_from, info.year, info.kind) == (unit, unit_from, year, kind), number
        assert info.organisation == "Hägersten-Älvsjö stadsdelsnämnd"
    assert corpus["000"].document.id == "vp-2022-alvsjo-servicehus"
    assert corpus["004"].document.title == "Verksamhetsplan 2025 – Hägersten-Älvsjös hemtjänst"


def test_corpus_parses_without_unplaced_lines(corpus):
    for number, doc in corpus.items():
        assert doc.warnings == [], number


@pytest.mark.parametrize(
    ("number", "counts"),
    [
        # (KF inriktningsmål, KF mål för verksamhetsområdet, nämndmål, enhetsmål), counted in the text
        ("000", (3, 7, 6, 7)),
        ("001", (3, 6, 6, 3)),
        ("002", (3, 5, 5, 4)),
        ("003", (3, 5, 7, 5)),
        ("004", (3, 7, 7, 8)),  # the table of contents repeats 3 + 7 headings
    ],
)
def test_every_goal_heading_is_extracted_once(corpus, number, counts):
    doc = corpus[number]
    found = tuple(sum(1 for g in doc.goals if g.level == level) for level in GoalLevel)
    assert found == counts


def test_parents_point_to_the_nearest_higher_goal(corpus):
    for doc in corpus.values():
        by_id = {g.id: g for g in doc.goals}
        for goal in doc.goals:
            if goal.level == GoalLevel.KF_INRIKTNINGSMAL:
                assert goal.parent is None
            else:
                parent = by_id[goal.parent]
                assert parent.level.rank < goal.level.rank
                assert parent.lines[0] < goal.lines[0]


# --- 000: VP 2022 Älvsjö servicehus (PDF text) -------------------------------------------


def test_000_hierarchy_and_titles(corpus):
    doc = corpus["000"]
    kf1 = goal_titled(doc, "En modern storstad med möjligheter och valfrihet för alla")
    assert (kf1.number, kf1.parent, kf1.lines) == ("1", None, (52, 53))
    kf15 = goal_titled(
        doc, "I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande"
    )
    assert (kf15.level, kf15.number, kf15.parent) == (GoalLevel.KF_VERKSAMHETSMAL, "1.5", kf1.id)
    namnd = goal_titled(
        doc,
        "Äldre får insatser av hög kvalitet som ger trygghet, valfrihet och stärker förmågan att leva "
        "ett värdigt och självständigt liv",
    )
    assert namnd.parent == kf15.id
    assert set(namnd.fields) == {"beskrivning", "forvantat_resultat"}
    unit_goal = goal_titled(doc, "Enheten utför personcentrerade insatser av hög kvalitét")
    assert unit_goal.level == GoalLevel.ENHETSMAL and unit_goal.parent == namnd.id
    assert set(unit_goal.fields) == {"forvantat_resultat", "arbetssatt", "uppfoljning"}
    assert unit_goal.status is None  # a plan has no assessments


def test_000_activity_dated_2021_01_27_in_the_2022_plan(corpus):
    doc = corpus["000"]
    activity = activity_titled(doc, "Utveckling av kontaktpersonsuppdraget")
    assert (activity.start, activity.end, activity.lines) == ("2021-01-27", "2021-12-31", (428, 428))
    assert doc.goal(activity.goal).title == "Enheten utför personcentrerade insatser av hög kvalitét"


def test_000_activity_with_dates_on_the_next_line_belongs_to_the_namndmal(corpus):
    doc = corpus["000"]
    activity = activity_titled(
        doc,
        "Förvaltningen ska erbjuda utbildning för sjuksköterskor för införande av sjuksköterskor med "
        "särskilt nutritionsuppdrag vid vård- och omsorgsboende och servicehus.",
    )
    assert (activity.start, activity.end, activity.lines) == ("2022-01-01", "2022-12-31", (304, 308))
    assert doc.goal(activity.goal).level == GoalLevel.NAMNDMAL
    assert sum(1 for a in doc.activities if a.goal == activity.goal) == 8


def test_000_indicator_values_as_printed(corpus):
    doc = corpus["000"]
    trygga = indicator_named(doc, "Andel trygga omsorgstagare i hemtjänsten")
    assert (trygga.target, trygga.kf_target, trygga.periodicity) == ("84 %", "Tas fram av nämnd", "År")
    assert trygga.measures == {"target": Measure(number=84.0, unit="%")}
    # "Sjukfrånvaro  Tas fram av / nämnd/styrel / se": empty Årsmål, cell wrapped mid-word
    sick = indicator_named(doc, "Sjukfrånvaro")
    assert (sick.target, sick.kf_target, sick.periodicity) == (None, "Tas fram av nämnd/styrelse", "Tertial")
    ami = indicator_named(doc, "Aktivt Medskapandeindex")
    assert (ami.target, ami.kf_target) == (None, "83")
    assert doc.goal(ami.goal).number == "3.2"


def test_000_page_headers_and_hyphen_compounds(corpus):
    doc = corpus["000"]
    texts = [s.text for s in doc.sections] + [f.text for g in doc.goals for f in g.fields.values()]
    assert not any(noise in text for text in texts for noise in ("Tjänsteutlåtande", "start.stockholm", "Sid 5"))
    description = next(s for s in doc.sections if s.heading == "Verksamhetsbeskrivning")
    assert "Verksamheten har även ett hälso- och sjukvårdsansvar." in description.text
    assert description.lines == (10, 26)
    assert [s.heading for s in doc.sections] == [
        "Verksamhetsidé och värdegrund",
        "Verksamhetsbeskrivning",
        "Kvalitets- och utvecklingsarbete",
        "Kompetensutveckling",
        "Medarbetarnas delaktighet",
        "Resursanvändning",
        "Agenda 2030",
        "Synpunkter och klagomål",
    ]


# --- 001: VP 2021 Fruängsgården (headings split over lines, double-spaced) ---------------


def test_001_headings_split_over_two_lines(corpus):
    doc = corpus["001"]
    kf1 = doc.goals[0]
    assert (kf1.level, kf1.number, kf1.title) == (
        GoalLevel.KF_INRIKTNINGSMAL,
        "1",
        "En modern storstad med möjligheter och valfrihet för alla",
    )
    namnd = goal_titled(
        doc,
        "Äldre får insatser av hög kvalitet som ger trygghet, valfrihet och stärker förmågan att leva "
        "ett värdigt och självständigt liv",
    )
    assert doc.goal(namnd.parent).number == "1.5"
    unit_goal = goal_titled(doc, "De äldre får vård och omsorg som främjar hälsa och välbefinnande")
    assert unit_goal.fields["forvantat_resultat"].text == "Nöjda och delaktiga brukare."
    assert unit_goal.fields["resursanvandning"].text == "Alla medarbetare"
    titles = [a.title for a in doc.activities if a.goal == unit_goal.id]
    assert titles == ["utbildning aktivitetsombud", "webutbildning basal hygienrutiner", "årshjul för aktiviteter"]
    # two activity tables follow each other under the nämndmål: 6 + 1 rows
    assert sum(1 for a in doc.activities if a.goal == namnd.id) == 7


def test_001_wrapped_value_cells_and_units(corpus):
    doc = corpus["001"]
    climate = indicator_named(doc, "Klimatpåverkan från upphandlade livsmedel och måltider")
    assert (climate.target, climate.kf_target) == (None, "1,8 kg CO2 per kg livsmedel")
    assert climate.measures["kf_target"] == Measure(number=1.8, unit="kg CO2 per kg livsmedel")
    energy = indicator_named(doc, "Totalt köpt energi i stadens verksamheter")
    assert energy.measures["kf_target"] == Measure(number=1945.0, unit="GWh")
    influence = indicator_named(
        doc, "Andel omsorgstagare som upplever att de kan påverka hur hjälpen utförs på vård- och omsorgsboende"
    )
    assert (influence.target, influence.kf_target, influence.periodicity) == (None, "78 %", "År")
    assert doc.sections[0].heading == "Verksamhetsidé och värdegrund"  # "1Verksamhetsidé" in the export


# --- 002: VB 2022 Beställarenheten äldre --------------------------------------------------


def test_002_vb_row_with_collapsed_blank_columns(corpus):
    doc = corpus["002"]
    sick = indicator_named(doc, "Sjukfrånvaro")
    # "Sjukfrånvaro 7,7 %   6,2 % 9,5 % Tas fram / av / nämnd/s / tyrelse / VB 2022"
    assert sick.model_dump(
        include={"outcome", "outcome_men", "outcome_women", "previous_outcome", "target", "kf_target", "period"}
    ) == {
        "outcome": "7,7 %",
        "outcome_men": None,
        "outcome_women": None,
        "previous_outcome": "6,2 %",
        "target": "9,5 %",
        "kf_target": "Tas fram av nämnd/styrelse",
        "period": "VB 2022",
    }
    assert sick.analysis == "Enhetens frånvaro i november 2022 var 7,73%"
    assert sick.lines == (670, 679)
    ami = indicator_named(doc, "Aktivt Medskapandeindex")
    assert (ami.outcome, ami.outcome_men, ami.previous_outcome, ami.target, ami.kf_target, ami.period) == (
        "83",
        None,
        None,
        "83",
        "83",
        "2022",
    )


def test_002_statuses_and_analysis_without_unit_labels(corpus):
    doc = corpus["002"]
    unit_goals = [g for g in doc.goals if g.level == GoalLevel.ENHETSMAL]
    assert [g.status for g in unit_goals] == [GoalStatus.HELT] * 4
    first = unit_goals[0]
    assert first.title == (
        "De äldre får ett gott bemötande och vi erbjuder delaktighet och tillvaratar den enskildes resurser "
        "så att vi uppnår en rättssäker och likställd myndighetsutövning av hög kvalitet."
    )
    analysis = first.fields["analys"].text
    assert analysis.startswith("Förväntat resultat\nDen enskilde upplever")
    assert "Beställarenheten äldre\n" not in analysis
    assert "kontakt med beställarenheten." in analysis  # "beställar-" / "enheten" rejoined
    plastic = activity_titled(doc, "Förvaltningens verksamheter ska arbeta för att minska användningen av plast.")
    assert plastic.analysis.startswith("Enheten har tagit fram flergångskärl")
    assert plastic.deviation is None


def test_002_line_break_hyphenation_is_undone(corpus):
    doc = corpus["002"]
    fossil = goal_titled(doc, "Hägersten-Älvsjö stadsdelsnämnd är en fossilfri organisation år 2030")
    text = fossil.fields["beskrivning"].text
    assert "genom investeringar eller genom beteendeförändring." in text
    assert "miljöprogrammet 2020-2023 i sitt miljö- och klimatarbete" in text


# --- 003: VB 2021 Glasade Gången ----------------------------------------------------------


def test_003_each_vb_status(corpus):
    doc = corpus["003"]
    partly = [g.title for g in doc.goals if g.level == GoalLevel.ENHETSMAL and g.status == GoalStatus.DELVIS]
    assert partly == [
        "Medarbetare på Glasade Gångens dagliga verksamhet förbereds för att närma sig arbetsmarknaden.",
        "Enheten arbetar för att Hägersten-Älvsjö är en fossifri organisation år 2030",
        "Enheten är en god arbetsgivare med en god arbetsmiljö.",
    ]
    fully = [g.title for g in doc.goals if g.status == GoalStatus.HELT]
    assert fully == [
        "Enheten bedriver verksamheten inom givna ekonomiska ramar.",
        "Enheten ska öka arbetet med digitalisering för medarbetare på Glasade Gången",
    ]
    assert all(g.status == GoalStatus.INGEN for g in doc.goals if g.level in (GoalLevel.NAMNDMAL,))
    assert not any(g.status == GoalStatus.INTE for g in doc.goals)


def test_003_indicator_names_wrapped_over_many_short_lines(corpus):
    doc = corpus["003"]
    satisfied = indicator_named(
        doc,
        "Andel brukare som är nöjd med sin insats - Funktionsnedsättning "
        "(stöd och service till personer med funktionsnedsättning)",
    )
    assert (satisfied.outcome, satisfied.outcome_men, satisfied.outcome_women) == ("95 %", "92 %", "97 %")
    assert (satisfied.previous_outcome, satisfied.target, satisfied.kf_target, satisfied.period) == (
        None,
        None,
        "80 %",
        "2021",
    )
    assert satisfied.measures["outcome_women"] == Measure(number=97.0, unit="%")
    assert satisfied.analysis == "Ingen större skillnad på man eller kvinna."
    discrimination = indicator_named(
        doc, "Andel brukare inom omsorgen för personer med funktionsnedsättning som inte upplever diskriminering"
    )
    assert (discrimination.outcome, discrimination.target, discrimination.kf_target) == (None, "93 %", "öka")


def test_003_activity_with_analysis(corpus):
    doc = corpus["003"]
    activity = activity_titled(
        doc,
        "De dagliga verksamheterna och sysselsättningsverksamheterna samt boenden förstärker arbetet med "
        "att ge brukare och deltagare stöd att komma ut på arbetsmarknaden.",
    )
    assert (activity.start, activity.end) == ("2020-01-01", "2021-12-31")
    assert activity.analysis == "Arbetet med att erbjuda en utbildningsplan till medarbetare pågår."
    goal = doc.goal(activity.goal)
    assert goal.title == "Invånarna i Hägersten-Älvsjö är självförsörjande och vägen till arbete är kort"


# --- 004: VP 2025 Hägersten-Älvsjö hemtjänst (Word text) --------------------------------


def test_004_table_of_contents_produces_nothing(corpus):
    doc = corpus["004"]
    toc = range(19, 38)
    assert not [g for g in doc.goals if g.lines[0] in toc]
    assert not [s for s in doc.sections if s.lines[0] in toc]
    assert doc.goals[0].lines == (73, 73)


def test_004_indicator_tables_around_the_first_namndmal(corpus):
    doc = corpus["004"]
    kf14 = goal_titled(doc, "Stockholm ska vara en bra stad att åldras i - med god omsorg och stor trygghet")
    namnd = goal_titled(
        doc, "Äldre har ett tryggt, hälsosamt och självständigt liv samt en god personcentrerad vård och omsorg"
    )
    assert namnd.parent == kf14.id
    kf_rows = [(i.name, i.target, i.kf_target, i.periodicity) for i in doc.indicators if i.goal == kf14.id]
    assert kf_rows == [
        ("Andel omsorgstagare som upplever att de kan påverka hur hjälpen utförs i hemtjänsten", "87 %", "87 %", "År"),
        (
            "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
            "10",
            "Max 10 personer",
            "År",
        ),
    ]
    namnd_rows = [(i.name, i.target, i.kf_target) for i in doc.indicators if i.goal == namnd.id]
    assert namnd_rows == [
        ("Andel omsorgstagare som upplever att de kan påverka hur hjälpen utförs i hemtjänsten", "75 %", None),
        ("I varje verksamhet finns måltidsombud", "100 %", None),
    ]
    bound = indicator_named(
        doc, "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod"
    )
    assert bound.measures["kf_target"] == Measure(number=10.0, unit="personer", comparator="max")


def test_004_emphasis_and_section_marks_are_removed(corpus):
    doc = corpus["004"]
    unit_goal = goal_titled(
        doc,
        "Enheten arbetar för att kunden ska vara delaktig och känna sig trygg med de goda service- och "
        "omsorgsinsatser vi utför.",
    )
    assert unit_goal.lines == (114, 168)
    ami = indicator_named(doc, "Aktivt Medskapandeindex")
    assert (ami.target, ami.kf_target, ami.periodicity) == ("75", "83", "År")
    climate = goal_titled(doc, "Enheten är energieffektiv och resurssmart med en minimal klimatpåverkan")
    # the 2025 template spells the label "Arbetsätt"
    assert climate.fields["arbetssatt"].label == "Arbetsätt"
    assert climate.fields["arbetssatt"].text.splitlines()[0] == (
        "1. Medarbetarna källsorterar hos de kunder där det finns möjlighet att källsortera. "
        "Hos kunderna använder vi oss enbart av kemikalier som är miljövänliga."
    )


def test_004_welfare_crime_goals_and_dated_activities(corpus):
    doc = corpus["004"]
    namnd = goal_titled(doc, "Stadsdelsnämnden deltar i kraftsamlingen mot välfärdsbrott")
    unit_goal = goal_titled(doc, "Enheten bidrar till arbetet för att motverka välfärdsbrott.")
    assert unit_goal.parent == namnd.id
    assert "Otillåten påverkan tas upp på arbetsplatsträff en gång per år." in unit_goal.fields["arbetssatt"].text
    activity = activity_titled(doc, "Stadsdelsnämnden ska arbeta aktivt med utveckling av medarbetarskap")
    assert (activity.start, activity.end, activity.lines) == ("2024-01-01", "2025-06-30", (338, 338))
