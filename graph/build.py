"""Building the RDF graph from parsed documents.

The public contract (documented in the README) that generic SPARQL clients rely on:
units are ``org:OrganizationalUnit`` with Swedish ``rdfs:label``/``skos:prefLabel``;
themes are ``skos:Concept``; every node extracted from a document has
``prov:wasDerivedFrom`` its document, which has ``prov:wasAttributedTo`` its unit,
``dcterms:date``/``vg:year`` and its kind; nodes that concern a theme have
``dcterms:subject`` it; titles are ``dcterms:title``/``rdfs:label`` with ``@sv``;
line spans (``vg:firstLine``/``vg:lastLine``) and the source file are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from graph.iris import DEFAULT_BASE, Iris
from graph.namespace import DCTERMS, ORG, PROV, QB, RDF, RDFS, SDMX_CODE, SDMX_DIMENSION, SKOS, VG, XSD
from graph.themes import ThemeTagger, default_tagger
from ingest.models import DocumentKind, Goal, GoalLevel, GoalStatus, Indicator, ParsedDocument
from ontology import ONTOLOGY_FILE, THEMES_FILE

_GOAL_CLASSES = {
    GoalLevel.KF_INRIKTNINGSMAL: VG.KFInriktningsmal,
    GoalLevel.KF_VERKSAMHETSMAL: VG.KFVerksamhetsmal,
    GoalLevel.NAMNDMAL: VG.Namndmal,
    GoalLevel.ENHETSMAL: VG.Enhetsmal,
}
_STATUSES = {
    GoalStatus.HELT: VG.UppfyllsHelt,
    GoalStatus.DELVIS: VG.UppfyllsDelvis,
    GoalStatus.INTE: VG.UppfyllsInte,
    GoalStatus.INGEN: VG.IngenBedomning,
}
_DOCUMENT_CLASSES = {
    DocumentKind.VERKSAMHETSPLAN: VG.Verksamhetsplan,
    DocumentKind.VERKSAMHETSBERATTELSE: VG.Verksamhetsberattelse,
}
# (indicator cell, measure property, sex code, year offset from the document's year)
_OBSERVED_CELLS = (
    ("outcome", VG.outcome, "sex-T", 0),
    ("outcome_men", VG.outcome, "sex-M", 0),
    ("outcome_women", VG.outcome, "sex-F", 0),
    ("previous_outcome", VG.previousOutcome, "sex-T", -1),
    ("target", VG.target, "sex-T", 0),
    ("kf_target", VG.kfTarget, "sex-T", 0),
)
CITY_NAME = "Stockholms stad"


def sv(text: str) -> Literal:
    """A Swedish literal: the units' wording is data."""
    return Literal(text, lang="sv")


def mandate_period(year: int) -> str:
    """The city council's four-year mandate a year belongs to ("2019–2022", "2023–2026")."""
    start = 2019 + 4 * ((year - 2019) // 4)
    return f"{start}–{start + 3}"


@dataclass
class _Context:
    graph: Graph
    iris: Iris
    tagger: ThemeTagger
    document: URIRef
    unit: URIRef
    parsed: ParsedDocument


def _add_titled(graph: Graph, node: URIRef, cls: URIRef, title: str) -> None:
    """A node of ``cls`` whose title is both dcterms:title and rdfs:label, in Swedish."""
    graph.add((node, RDF.type, cls))
    graph.add((node, DCTERMS.title, sv(title)))
    graph.add((node, RDFS.label, sv(title)))


def _provenance(ctx: _Context, node: URIRef, lines: tuple[int, int], author: URIRef) -> None:
    graph = ctx.graph
    graph.add((node, PROV.wasDerivedFrom, ctx.document))
    graph.add((node, VG.firstLine, Literal(lines[0], datatype=XSD.integer)))
    graph.add((node, VG.lastLine, Literal(lines[1], datatype=XSD.integer)))
    graph.add((node, VG.authoredBy, author))


def _tag(ctx: _Context, node: URIRef, text: str | None, author: URIRef) -> None:
    """Add dcterms:subject and a vg:ThemeMatch (with the matched words) per theme found."""
    if not text:
        return
    graph = ctx.graph
    for hit in ctx.tagger.tag(text):
        graph.add((node, DCTERMS.subject, hit.theme.iri))
        who = "enhet" if author == VG.UnitText else "namnd"
        match = URIRef(f"{node}/tema/{hit.theme.slug}/{who}")
        graph.add((match, RDF.type, VG.ThemeMatch))
        graph.add((match, VG.matchedNode, node))
        graph.add((match, VG.theme, hit.theme.iri))
        graph.add((match, VG.authoredBy, author))
        graph.add((match, PROV.wasDerivedFrom, ctx.document))
        for term in hit.terms:
            graph.add((match, VG.matchedTerm, sv(term)))
        if author == VG.UnitText:
            graph.add((ctx.unit, VG.worksOn, hit.theme.iri))


def _author_of_goal(goal: Goal) -> URIRef:
    return VG.UnitText if goal.level is GoalLevel.ENHETSMAL else VG.NamndText


def _add_organisation(ctx: _Context) -> None:
    graph, info = ctx.graph, ctx.parsed.document
    city = ctx.iris.city()
    graph.add((city, RDF.type, ORG.Organization))
    graph.add((city, RDFS.label, sv(CITY_NAME)))
    graph.add((city, SKOS.prefLabel, sv(CITY_NAME)))
    graph.add((ctx.unit, RDF.type, ORG.OrganizationalUnit))
    graph.add((ctx.unit, RDFS.label, sv(info.unit)))
    graph.add((ctx.unit, SKOS.prefLabel, sv(info.unit)))
    parent = city
    if info.organisation:
        committee = ctx.iris.organisation(info.organisation)
        graph.add((committee, RDF.type, ORG.Organization))
        graph.add((committee, RDFS.label, sv(info.organisation)))
        graph.add((committee, SKOS.prefLabel, sv(info.organisation)))
        graph.add((committee, ORG.subOrganizationOf, city))
        graph.add((city, ORG.hasSubOrganization, committee))
        parent = committee
    graph.add((ctx.unit, ORG.subOrganizationOf, parent))
    graph.add((ctx.unit, ORG.unitOf, parent))
    graph.add((parent, ORG.hasUnit, ctx.unit))


def _add_document(ctx: _Context) -> None:
    graph, info = ctx.graph, ctx.parsed.document
    year = Literal(str(info.year), datatype=XSD.gYear)
    _add_titled(graph, ctx.document, VG.Document, info.title)
    graph.add((ctx.document, RDF.type, _DOCUMENT_CLASSES[info.kind]))
    graph.add((ctx.document, DCTERMS.identifier, Literal(info.id)))
    graph.add((ctx.document, DCTERMS.date, year))
    graph.add((ctx.document, VG.year, year))
    graph.add((ctx.document, VG.kind, Literal(info.kind.value)))
    graph.add((ctx.document, VG.sourceFile, Literal(info.source.replace("\\", "/").rsplit("/", 1)[-1])))
    graph.add((ctx.document, PROV.wasAttributedTo, ctx.unit))


def _add_goals(ctx: _Context) -> None:
    graph, parsed = ctx.graph, ctx.parsed
    shared: dict[str, URIRef] = {}
    for goal in parsed.goals:
        unit_name = parsed.document.unit if goal.level is GoalLevel.ENHETSMAL else None
        shared_goal = ctx.iris.goal(goal.level, goal.number, goal.title, unit_name)
        shared[goal.id] = shared_goal
        _add_titled(graph, shared_goal, VG.Goal, goal.title)
        graph.add((shared_goal, RDF.type, _GOAL_CLASSES[goal.level]))
        if goal.number:
            graph.add((shared_goal, VG.goalNumber, Literal(goal.number)))
        if goal.level in (GoalLevel.KF_INRIKTNINGSMAL, GoalLevel.KF_VERKSAMHETSMAL):
            graph.add((shared_goal, VG.mandatePeriod, Literal(mandate_period(parsed.document.year))))
        if goal.level is GoalLevel.ENHETSMAL:
            graph.add((shared_goal, VG.unit, ctx.unit))
        if goal.parent:
            graph.add((shared_goal, VG.parentGoal, shared[goal.parent]))
        for hit in ctx.tagger.tag(goal.title):
            graph.add((shared_goal, DCTERMS.subject, hit.theme.iri))

        author = _author_of_goal(goal)
        statement = ctx.iris.in_document(goal.id)
        _add_titled(graph, statement, VG.GoalStatement, goal.title)
        graph.add((statement, VG.statementOf, shared_goal))
        if goal.parent:
            graph.add((statement, VG.parentStatement, ctx.iris.in_document(goal.parent)))
        if goal.status:
            graph.add((statement, VG.status, _STATUSES[goal.status]))
        _provenance(ctx, statement, goal.lines, author)
        _tag(ctx, statement, goal.title, author)
        for key, field in goal.fields.items():
            node = URIRef(f"{statement}/{key}")
            # a VB's analysis is the unit's own account, whoever wrote the goal
            field_author = VG.UnitText if key == "analys" else author
            graph.add((statement, VG.hasField, node))
            graph.add((node, RDF.type, VG.GoalField))
            graph.add((node, VG.fieldKey, Literal(key)))
            graph.add((node, RDFS.label, sv(field.label)))
            graph.add((node, VG.text, sv(field.text)))
            _provenance(ctx, node, field.lines, field_author)
            _tag(ctx, node, field.text, field_author)


def _add_activities(ctx: _Context) -> None:
    graph, parsed = ctx.graph, ctx.parsed
    for activity in parsed.activities:
        node = ctx.iris.in_document(activity.id)
        author = _author_of_goal(parsed.goal(activity.goal))
        _add_titled(graph, node, VG.Activity, activity.title)
        graph.add((node, VG.underGoal, ctx.iris.in_document(activity.goal)))
        if activity.start:
            graph.add((node, VG.startDate, Literal(activity.start, datatype=XSD.date)))
        if activity.end:
            graph.add((node, VG.endDate, Literal(activity.end, datatype=XSD.date)))
        if activity.deviation:
            graph.add((node, VG.deviation, sv(activity.deviation)))
        if activity.analysis:
            graph.add((node, VG.analysis, sv(activity.analysis)))
        _provenance(ctx, node, activity.lines, author)
        _tag(ctx, node, activity.title, author)
        _tag(ctx, node, activity.analysis, VG.UnitText)


def _add_observations(ctx: _Context, row_node: URIRef, indicator_node: URIRef, indicator: Indicator) -> None:
    graph, year = ctx.graph, ctx.parsed.document.year
    for cell, measure_property, sex, offset in _OBSERVED_CELLS:
        value = getattr(indicator, cell)
        if value is None:
            continue
        node = URIRef(f"{row_node}/{cell}")
        graph.add((node, RDF.type, QB.Observation))
        graph.add((node, QB.dataSet, VG.IndicatorValues))
        graph.add((node, VG.indicator, indicator_node))
        graph.add((node, VG.refUnit, ctx.unit))
        graph.add((node, VG.refPeriod, Literal(str(year + offset), datatype=XSD.gYear)))
        graph.add((node, SDMX_DIMENSION.sex, SDMX_CODE[sex]))
        graph.add((node, QB.measureType, measure_property))
        graph.add((node, measure_property, sv(value)))
        graph.add((node, VG.fromRow, row_node))
        graph.add((node, PROV.wasDerivedFrom, ctx.document))
        measure = indicator.measures.get(cell)
        if measure is not None:
            graph.add((node, VG.numericValue, Literal(str(measure.number), datatype=XSD.decimal)))
            if measure.unit:
                graph.add((node, VG.unitOfMeasure, Literal(measure.unit)))
            if measure.comparator:
                graph.add((node, VG.comparator, Literal(measure.comparator)))


def _add_indicators(ctx: _Context) -> None:
    graph = ctx.graph
    for indicator in ctx.parsed.indicators:
        shared = ctx.iris.indicator(indicator.name)
        graph.add((shared, RDF.type, VG.Indicator))
        graph.add((shared, RDFS.label, sv(indicator.name)))
        graph.add((shared, SKOS.prefLabel, sv(indicator.name)))
        node = ctx.iris.in_document(indicator.id)
        graph.add((node, RDF.type, VG.IndicatorRow))
        graph.add((node, RDFS.label, sv(indicator.name)))
        graph.add((node, VG.rowOf, shared))
        graph.add((node, VG.underGoal, ctx.iris.in_document(indicator.goal)))
        if indicator.periodicity:
            graph.add((node, VG.periodicity, Literal(indicator.periodicity)))
        if indicator.period:
            graph.add((node, VG.period, Literal(indicator.period)))
        if indicator.analysis:
            graph.add((node, VG.analysis, sv(indicator.analysis)))
        _provenance(ctx, node, indicator.lines, VG.NamndText)
        _tag(ctx, node, indicator.name, VG.NamndText)
        _tag(ctx, node, indicator.analysis, VG.UnitText)
        _add_observations(ctx, node, shared, indicator)


def _add_sections(ctx: _Context) -> None:
    graph = ctx.graph
    for section in ctx.parsed.sections:
        node = ctx.iris.in_document(section.id)
        _add_titled(graph, node, VG.Section, section.heading)
        graph.add((node, VG.text, sv(section.text)))
        _provenance(ctx, node, section.lines, VG.UnitText)
        _tag(ctx, node, section.text, VG.UnitText)


def vocabulary_graph() -> Graph:
    """The ontology and the SKOS themes, which every built graph includes."""
    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    graph.parse(THEMES_FILE, format="turtle")
    return graph


def bind_prefixes(graph: Graph, base: str | None = None) -> None:
    """Readable prefixes for serialisations (``vgid:`` for the data's base, when given)."""
    prefixes = [("vgid", base)] if base else []
    for prefix, namespace in (
        *prefixes,
        ("vg", VG._NS),
        ("vgt", "https://w3id.org/vgraf/theme/"),
        ("org", ORG),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("skos", SKOS),
        ("qb", QB),
        ("sdmx-code", SDMX_CODE),
        ("sdmx-dimension", SDMX_DIMENSION),
    ):
        graph.bind(prefix, namespace, override=True)


def build_graph(
    documents: Iterable[ParsedDocument], base: str = DEFAULT_BASE, tagger: ThemeTagger | None = None
) -> Graph:
    """The knowledge graph of ``documents`` plus the ontology and themes."""
    iris = Iris(base)
    tagger = tagger or default_tagger()
    graph = vocabulary_graph()
    bind_prefixes(graph, iris.base)
    for parsed in sorted(documents, key=lambda doc: doc.document.id):
        ctx = _Context(
            graph=graph,
            iris=iris,
            tagger=tagger,
            document=iris.document(parsed.document.id),
            unit=iris.unit(parsed.document.unit),
            parsed=parsed,
        )
        _add_organisation(ctx)
        _add_document(ctx)
        _add_goals(ctx)
        _add_activities(ctx)
        _add_indicators(ctx)
        _add_sections(ctx)
    return graph
