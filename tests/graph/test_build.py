"""Concrete facts of the graph built from the five documents."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from graph.build import build_graph, mandate_period
from graph.iris import Iris
from graph.namespace import DCTERMS, ORG, PROV, QB, RDF, RDFS, SDMX_CODE, SDMX_DIMENSION, SKOS, VG, VGT, XSD
from ingest.models import GoalLevel

IRIS = Iris()


def sv(text: str) -> Literal:
    return Literal(text, lang="sv")


def documents_stating(graph, goal) -> set[str]:
    return {
        str(graph.value(statement, PROV.wasDerivedFrom)).rsplit("/", 1)[-1]
        for statement in graph.subjects(VG.statementOf, goal)
    }


def test_a_namndmal_stated_in_four_documents_is_one_node(graph):
    title = "Stadsdelsnämnden bedriver verksamheterna inom givna ekonomiska ramar"
    goals = set(graph.subjects(DCTERMS.title, sv(title))) & set(graph.subjects(RDF.type, VG.Goal))
    assert len(goals) == 1
    (goal,) = goals
    assert (goal, RDF.type, VG.Namndmal) in graph
    assert documents_stating(graph, goal) == {
        "vp-2021-fruangsgardens-vard-och-omsorgsboende",
        "vb-2021-glasade-gangen",
        "vb-2022-bestallarenheten-aldre",
        "vp-2022-alvsjo-servicehus",
    }
    parent = graph.value(goal, VG.parentGoal)
    assert graph.value(parent, VG.goalNumber) == Literal("3.1")


def test_kf_goals_are_shared_within_their_mandate_period(graph):
    kf15 = IRIS.goal(
        GoalLevel.KF_VERKSAMHETSMAL,
        "1.5",
        "I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande",
        None,
    )
    assert documents_stating(graph, kf15) == {
        "vp-2022-alvsjo-servicehus",
        "vp-2021-fruangsgardens-vard-och-omsorgsboende",
        "vb-2022-bestallarenheten-aldre",
    }
    assert graph.value(kf15, VG.mandatePeriod) == Literal("2019–2022")
    kf1_2025 = IRIS.goal(
        GoalLevel.KF_INRIKTNINGSMAL,
        "1",
        "Ett Stockholm som håller samman med en stark och jämlik välfärd i hela staden",
        None,
    )
    assert graph.value(kf1_2025, VG.mandatePeriod) == Literal("2023–2026")
    assert (mandate_period(2019), mandate_period(2022), mandate_period(2023)) == ("2019–2022", "2019–2022", "2023–2026")


def test_units_belong_to_the_committee_and_the_city(graph):
    unit = IRIS.unit("Älvsjö servicehus")
    assert (unit, RDF.type, ORG.OrganizationalUnit) in graph
    assert graph.value(unit, RDFS.label) == sv("Älvsjö servicehus")
    assert graph.value(unit, SKOS.prefLabel) == sv("Älvsjö servicehus")
    committee = graph.value(unit, ORG.unitOf)
    assert graph.value(committee, RDFS.label) == sv("Hägersten-Älvsjö stadsdelsnämnd")
    assert (committee, ORG.hasUnit, unit) in graph
    assert graph.value(graph.value(committee, ORG.subOrganizationOf), RDFS.label) == sv("Stockholms stad")
    assert len(set(graph.subjects(RDF.type, ORG.OrganizationalUnit))) == 5


def test_documents_carry_unit_year_kind_and_source(graph):
    document = IRIS.document("vb-2022-bestallarenheten-aldre")
    assert (document, RDF.type, VG.Verksamhetsberattelse) in graph
    assert graph.value(document, PROV.wasAttributedTo) == IRIS.unit("Beställarenheten äldre")
    assert graph.value(document, DCTERMS.date) == Literal("2022", datatype=XSD.gYear)
    assert graph.value(document, VG.kind) == Literal("verksamhetsberattelse")
    assert graph.value(document, VG.sourceFile) == Literal("002_4436d6517c785cdc.txt")
    activity = IRIS.in_document("vp-2022-alvsjo-servicehus/activity-15")
    assert graph.value(activity, DCTERMS.title) == sv("Utveckling av kontaktpersonsuppdraget")
    assert graph.value(activity, VG.startDate) == Literal("2021-01-27", datatype=XSD.date)
    assert (graph.value(activity, VG.firstLine), graph.value(activity, VG.lastLine)) == (Literal(428), Literal(428))
    assert graph.value(activity, PROV.wasDerivedFrom) == IRIS.document("vp-2022-alvsjo-servicehus")


def test_every_extracted_node_is_derived_from_its_document(graph):
    for cls in (
        VG.GoalStatement,
        VG.GoalField,
        VG.Activity,
        VG.Section,
        VG.IndicatorRow,
        QB.Observation,
        VG.ThemeMatch,
    ):
        nodes = set(graph.subjects(RDF.type, cls))
        assert nodes, cls
        for node in nodes:
            document = graph.value(node, PROV.wasDerivedFrom)
            assert (document, RDF.type, VG.Document) in graph, node


def test_welfare_crime_is_reached_only_from_the_2025_homecare_plan(graph):
    assert set(graph.subjects(VG.worksOn, VGT["valfardsbrott"])) == {IRIS.unit("Hägersten-Älvsjös hemtjänst")}
    unit_evidence = {
        graph.value(match, PROV.wasDerivedFrom)
        for match in graph.subjects(VG.theme, VGT["valfardsbrott"])
        if (match, VG.authoredBy, VG.UnitText) in graph
    }
    assert unit_evidence == {IRIS.document("vp-2025-hagersten-alvsjos-hemtjanst")}
    # the nämnd's description in Glasade Gången's report mentions felaktiga utbetalningar:
    # tagged, but as nämnd text, so it does not make the unit "work on" the theme
    namnd_evidence = {
        graph.value(match, PROV.wasDerivedFrom)
        for match in graph.subjects(VG.theme, VGT["valfardsbrott"])
        if (match, VG.authoredBy, VG.NamndText) in graph
    }
    assert IRIS.document("vb-2021-glasade-gangen") in namnd_evidence


def test_servicehus_and_homecare_reach_nutrition_through_their_maltidsombud(graph):
    for unit, document in (
        ("Älvsjö servicehus", "vp-2022-alvsjo-servicehus"),
        ("Hägersten-Älvsjös hemtjänst", "vp-2025-hagersten-alvsjos-hemtjanst"),
    ):
        assert (IRIS.unit(unit), VG.worksOn, VGT["mat-och-maltider"]) in graph
        terms = {
            str(term).lower()
            for match in graph.subjects(VG.theme, VGT["mat-och-maltider"])
            if graph.value(match, PROV.wasDerivedFrom) == IRIS.document(document)
            and (match, VG.authoredBy, VG.UnitText) in graph
            for term in graph.objects(match, VG.matchedTerm)
        }
        assert terms & {"måltidsombud", "måltidsombuden"}, unit
    arbetssatt = IRIS.in_document("vp-2022-alvsjo-servicehus/goal-6/arbetssatt")
    assert (arbetssatt, DCTERMS.subject, VGT["mat-och-maltider"]) in graph
    assert (arbetssatt, VG.authoredBy, VG.UnitText) in graph


def test_indicator_values_are_data_cube_observations(graph):
    row = IRIS.in_document("vb-2022-bestallarenheten-aldre/indicator-2")
    assert graph.value(graph.value(row, VG.rowOf), RDFS.label) == sv("Sjukfrånvaro")
    outcome = URIRef(f"{row}/outcome")
    assert (outcome, RDF.type, QB.Observation) in graph
    assert graph.value(outcome, VG.outcome) == sv("7,7 %")
    assert graph.value(outcome, VG.numericValue) == Literal("7.7", datatype=XSD.decimal)
    assert graph.value(outcome, VG.unitOfMeasure) == Literal("%")
    assert graph.value(outcome, VG.refPeriod) == Literal("2022", datatype=XSD.gYear)
    assert graph.value(outcome, SDMX_DIMENSION.sex) == SDMX_CODE["sex-T"]
    assert graph.value(outcome, VG.refUnit) == IRIS.unit("Beställarenheten äldre")
    previous = URIRef(f"{row}/previous_outcome")
    assert graph.value(previous, VG.previousOutcome) == sv("6,2 %")
    assert graph.value(previous, VG.refPeriod) == Literal("2021", datatype=XSD.gYear)
    assert (URIRef(f"{row}/outcome_men"), None, None) not in graph  # an empty cell is no observation
    women = URIRef(str(IRIS.in_document("vb-2021-glasade-gangen/indicator-2")) + "/outcome_women")
    assert graph.value(women, SDMX_DIMENSION.sex) == SDMX_CODE["sex-F"]
    assert graph.value(women, VG.outcome) == sv("97 %")


def test_the_same_indicator_in_several_documents_is_one_node(graph):
    sick_leave = IRIS.indicator("Sjukfrånvaro")
    rows = set(graph.subjects(VG.rowOf, sick_leave))
    assert {str(row).split("/")[-2] for row in rows} == {
        "vp-2022-alvsjo-servicehus",
        "vp-2021-fruangsgardens-vard-och-omsorgsboende",
        "vb-2022-bestallarenheten-aldre",
        "vb-2021-glasade-gangen",
        "vp-2025-hagersten-alvsjos-hemtjanst",
    }


def test_literals_are_swedish_and_themes_are_skos_concepts(graph):
    extracted = set(graph.subjects(PROV.wasDerivedFrom, None)) | set(graph.subjects(RDF.type, VG.Goal))
    for predicate in (DCTERMS.title, RDFS.label, VG.text, VG.matchedTerm, VG.analysis):
        languages = {obj.language for s, obj in graph.subject_objects(predicate) if s in extracted}
        assert languages == {"sv"}, predicate
    assert (VGT["palliativ-vard"], RDF.type, SKOS.Concept) in graph
    assert graph.value(VGT["palliativ-vard"], SKOS.prefLabel) in {
        sv("Palliativ vård"),
        Literal("Palliative care", lang="en"),
    }
    assert (VGT["plast"], SKOS.broader, VGT["klimat-och-miljo"]) in graph


def test_building_twice_gives_the_same_graph_and_the_base_is_configurable(corpus, graph):
    again = build_graph(corpus.values())
    assert again.serialize(format="turtle") == graph.serialize(format="turtle")
    elsewhere = build_graph(corpus.values(), base="http://example.org/vgraf/")
    assert len(elsewhere) == len(graph)
    assert not isomorphic(elsewhere, graph)
    minted = {s for s in elsewhere.subjects() if isinstance(s, URIRef) and "w3id.org/vgraf/id/" in str(s)}
    assert minted == set()
    assert (URIRef("http://example.org/vgraf/unit/glasade-gangen"), RDF.type, ORG.OrganizationalUnit) in elsewhere
