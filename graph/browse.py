"""Browsing the graph: units, themes, goals, documents, and what a document says, as typed models.

Every query here is fixed text with bound variables (never user input formatted
into the query). Each entry carries where it stands: unit, document, year and
lines, so every answer built on it can cite its source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict
from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.build import bind_prefixes
from graph.errors import GraphError
from graph.iris import Iris
from graph.namespace import VG, VGT
from graph.stores import GraphStore
from graph.themes import default_tagger

_PREFIXES = """
PREFIX vg: <https://w3id.org/vgraf/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
"""
# where a node stands: its document, unit, year and lines
_LOCATED = """
  ?node prov:wasDerivedFrom ?doc ; vg:firstLine ?first ; vg:lastLine ?last .
  ?doc dcterms:identifier ?document ; vg:year ?year ; prov:wasAttributedTo ?unitNode .
  ?unitNode rdfs:label ?unit .
"""
_LEVELS = {
    VG.KFInriktningsmal: "kf_inriktningsmal",
    VG.KFVerksamhetsmal: "kf_verksamhetsmal",
    VG.Namndmal: "namndmal",
    VG.Enhetsmal: "enhetsmal",
}
# the goal classes of the four levels (every goal is also a vg:Goal, which this leaves out)
_LEVEL_FILTER = "FILTER (?level IN (vg:KFInriktningsmal, vg:KFVerksamhetsmal, vg:Namndmal, vg:Enhetsmal))"
_STATUSES = {VG.UppfyllsHelt: "helt", VG.UppfyllsDelvis: "delvis", VG.UppfyllsInte: "inte", VG.IngenBedomning: "ingen"}
_SEXES = {"sex-T": "total", "sex-M": "men", "sex-F": "women"}


class NotFoundError(GraphError):
    """No unit, theme, goal or node has the id asked for."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Located(_Model):
    """Where something stands: the node, its unit, document, year and lines."""

    node: str
    unit: str
    document: str
    year: int
    lines: tuple[int, int]


class DocumentRef(_Model):
    """A VP or VB."""

    id: str
    iri: str
    title: str
    unit: str
    unit_id: str
    year: int
    kind: str
    source_file: str


class GoalStatementEntry(Located):
    """A goal as one document states it (with the VB's assessment, if any)."""

    goal: str
    goal_id: str
    title: str
    level: str
    number: str | None = None
    status: str | None = None


class ActivityEntry(Located):
    """An activity with its dates and the goal it stands under."""

    title: str
    start: str | None = None
    end: str | None = None
    goal_title: str
    analysis: str | None = None


class IndicatorValue(_Model):
    """One reported value: outcome, target, KF target or previous outcome, by period and sex."""

    measure: str
    period: str
    sex: str
    value: str


class IndicatorEntry(Located):
    """An indicator row of one document, with its values."""

    name: str
    period: str | None = None
    periodicity: str | None = None
    goal_title: str
    values: tuple[IndicatorValue, ...] = ()


class ThemeRef(_Model):
    """A SKOS theme."""

    id: str
    iri: str
    label_sv: str
    label_en: str
    units: int = 0


class UnitSummary(_Model):
    """A unit, its committee, documents, years and themes it works on."""

    id: str
    iri: str
    label: str
    committee: str | None
    documents: int
    years: tuple[int, ...]
    themes: tuple[str, ...]


class UnitYear(_Model):
    """What a unit's documents of one year say."""

    year: int
    documents: tuple[DocumentRef, ...]
    goals: tuple[GoalStatementEntry, ...]
    activities: tuple[ActivityEntry, ...]
    indicators: tuple[IndicatorEntry, ...]
    themes: tuple[str, ...]


class UnitDetail(_Model):
    """A unit and, year by year, its goals, activities, indicators and themes."""

    unit: UnitSummary
    years: tuple[UnitYear, ...]


class ThemeEvidence(Located):
    """A place where a unit's own text concerns a theme, with the words that matched."""

    terms: tuple[str, ...]


class ThemeDetail(_Model):
    """A theme, the units working on it and the evidence."""

    theme: ThemeRef
    units: tuple[UnitSummary, ...]
    evidence: tuple[ThemeEvidence, ...]


class GoalRef(_Model):
    """A goal of the KF → nämnd → enhet hierarchy."""

    id: str
    iri: str
    title: str
    level: str
    number: str | None = None


class GoalDetail(_Model):
    """A goal, the goals above and below it, and every document that states it."""

    goal: GoalRef
    mandate_period: str | None
    parents: tuple[GoalRef, ...]
    children: tuple[GoalRef, ...]
    statements: tuple[GoalStatementEntry, ...]


def _rows(store: GraphStore, body: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node | None]]:
    result = store.query(_PREFIXES + body, {k: v for k, v in (bindings or {}).items() if v is not None})
    names = [str(var) for var in result.vars or []]
    return [dict(zip(names, row)) for row in result]


def _text(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _theme_slug(iri: Node) -> str:
    return str(iri).rsplit("/", 1)[-1]


def _located(row: Mapping[str, Node | None]) -> dict:
    return {
        "node": str(row["node"]),
        "unit": str(row["unit"]),
        "document": str(row["document"]),
        "year": int(str(row["year"])),
        "lines": (int(row["first"]), int(row["last"])),
    }


class GraphBrowser:
    """Typed answers about the graph in ``store``, with ids relative to ``iris``."""

    def __init__(self, store: GraphStore, iris: Iris | None = None) -> None:
        self.store = store
        self.iris = iris or Iris()

    def _id(self, iri: Node, kind: str) -> str:
        prefix = f"{self.iris.base}{kind}/"
        text = str(iri)
        return text[len(prefix) :] if text.startswith(prefix) else text

    # -- documents and what they say -------------------------------------------------------------
    def documents(self, unit: URIRef | None = None) -> list[DocumentRef]:
        """Every document (of ``unit``), by year and unit."""
        rows = _rows(
            self.store,
            """SELECT ?unitNode ?doc ?id ?title ?unit ?year ?kind ?file WHERE {
              ?doc a vg:Document ; dcterms:identifier ?id ; dcterms:title ?title ; vg:year ?year ;
                   vg:kind ?kind ; vg:sourceFile ?file ; prov:wasAttributedTo ?unitNode .
              ?unitNode rdfs:label ?unit .
            } ORDER BY ?year ?unit ?id""",
            {"unitNode": unit},
        )
        return [
            DocumentRef(
                id=str(row["id"]),
                iri=str(row["doc"]),
                title=str(row["title"]),
                unit=str(row["unit"]),
                unit_id=self._id(row["unitNode"], "unit"),
                year=int(str(row["year"])),
                kind=str(row["kind"]),
                source_file=str(row["file"]),
            )
            for row in rows
        ]

    def goal_statements(
        self, document: URIRef | None = None, goal: URIRef | None = None, status: str | None = None
    ) -> list[GoalStatementEntry]:
        """Goals as documents state them; narrowed to one document, one goal or one assessment."""
        status_node = next((node for node, name in _STATUSES.items() if name == status), None)
        if status is not None and status_node is None:
            raise GraphError(f"unknown goal status '{status}'; choose one of {', '.join(_STATUSES.values())}")
        rows = _rows(
            self.store,
            """SELECT ?doc ?goal ?statusNode ?node ?title ?level ?number ?document ?year ?unit ?first ?last WHERE {
              ?node vg:statementOf ?goal ; dcterms:title ?title . """
            + _LOCATED
            + """ ?goal a ?level .
              """
            + _LEVEL_FILTER
            + """
              OPTIONAL { ?goal vg:goalNumber ?number }
              #STATUS#
            } ORDER BY ?year ?document ?first""".replace(
                # a variable bound only inside OPTIONAL does not restrict the rows, so an asked-for
                # assessment is a required pattern
                "#STATUS#",
                "?node vg:status ?statusNode ." if status_node else "OPTIONAL { ?node vg:status ?statusNode }",
            ),
            {"doc": document, "goal": goal, "statusNode": status_node},
        )
        return [
            GoalStatementEntry(
                **_located(row),
                goal=str(row["goal"]),
                goal_id=self._id(row["goal"], "goal"),
                title=str(row["title"]),
                level=_LEVELS[row["level"]],
                number=_text(row["number"]),
                status=_STATUSES.get(row["statusNode"]) if row["statusNode"] is not None else None,
            )
            for row in rows
        ]

    def activities(self, document: URIRef | None = None, node: URIRef | None = None) -> list[ActivityEntry]:
        """Activities of a document (or the one ``node``), with dates and the goal they serve."""
        rows = _rows(
            self.store,
            """SELECT ?doc ?node ?title ?start ?end ?goalTitle ?analysis ?document ?year ?unit ?first ?last WHERE {
              ?node a vg:Activity ; dcterms:title ?title ; vg:underGoal/dcterms:title ?goalTitle . """
            + _LOCATED
            + """ OPTIONAL { ?node vg:startDate ?start } OPTIONAL { ?node vg:endDate ?end }
              OPTIONAL { ?node vg:analysis ?analysis }
            } ORDER BY ?year ?document ?first""",
            {"doc": document, "node": node},
        )
        return [
            ActivityEntry(
                **_located(row),
                title=str(row["title"]),
                start=_text(row["start"]),
                end=_text(row["end"]),
                goal_title=str(row["goalTitle"]),
                analysis=_text(row["analysis"]),
            )
            for row in rows
        ]

    def indicators(self, document: URIRef | None = None, node: URIRef | None = None) -> list[IndicatorEntry]:
        """Indicator rows of a document (or the one ``node``) with every value reported."""
        rows = _rows(
            self.store,
            """SELECT ?doc ?node ?name ?period ?periodicity ?goalTitle ?document ?year ?unit ?first ?last WHERE {
              ?node a vg:IndicatorRow ; rdfs:label ?name ; vg:underGoal/dcterms:title ?goalTitle . """
            + _LOCATED
            + """ OPTIONAL { ?node vg:period ?period } OPTIONAL { ?node vg:periodicity ?periodicity }
            } ORDER BY ?year ?document ?first""",
            {"doc": document, "node": node},
        )
        values = self._indicator_values(document, node)
        return [
            IndicatorEntry(
                **_located(row),
                name=str(row["name"]),
                period=_text(row["period"]),
                periodicity=_text(row["periodicity"]),
                goal_title=str(row["goalTitle"]),
                values=tuple(values.get(str(row["node"]), ())),
            )
            for row in rows
        ]

    def _indicator_values(self, document: URIRef | None, node: URIRef | None) -> dict[str, list[IndicatorValue]]:
        rows = _rows(
            self.store,
            """SELECT ?doc ?node ?measure ?period ?sex ?value WHERE {
              ?obs vg:fromRow ?node ; prov:wasDerivedFrom ?doc ; qb:measureType ?measure ; vg:refPeriod ?period ;
                   sdmx-dimension:sex ?sex ; ?measure ?value .
            } ORDER BY ?node ?measure ?sex""",
            {"doc": document, "node": node},
        )
        values: dict[str, list[IndicatorValue]] = defaultdict(list)
        for row in rows:
            sex = str(row["sex"]).rsplit("#", 1)[-1]
            values[str(row["node"])].append(
                IndicatorValue(
                    measure=str(row["measure"]).rsplit("#", 1)[-1],
                    period=str(row["period"]),
                    sex=_SEXES.get(sex, sex),
                    value=str(row["value"]),
                )
            )
        return values

    # -- units ------------------------------------------------------------------------------------
    def units(self, unit: URIRef | None = None) -> list[UnitSummary]:
        """Every unit (or the one ``unit``) with committee, documents, years and themes."""
        rows = _rows(
            self.store,
            """SELECT ?unitNode ?label ?committee (COUNT(DISTINCT ?doc) AS ?documents)
                      (GROUP_CONCAT(DISTINCT STR(?year); separator=" ") AS ?years) WHERE {
              ?unitNode a org:OrganizationalUnit ; rdfs:label ?label .
              OPTIONAL { ?unitNode org:unitOf/rdfs:label ?committee }
              OPTIONAL { ?doc prov:wasAttributedTo ?unitNode ; vg:year ?year }
            } GROUP BY ?unitNode ?label ?committee ORDER BY ?label""",
            {"unitNode": unit},
        )
        themes: dict[str, list[str]] = defaultdict(list)
        for row in _rows(
            self.store,
            "SELECT ?unitNode ?theme WHERE { ?unitNode vg:worksOn ?theme } ORDER BY ?theme",
            {"unitNode": unit},
        ):
            themes[str(row["unitNode"])].append(_theme_slug(row["theme"]))
        return [
            UnitSummary(
                id=self._id(row["unitNode"], "unit"),
                iri=str(row["unitNode"]),
                label=str(row["label"]),
                committee=_text(row["committee"]),
                documents=int(row["documents"]),
                years=tuple(sorted({int(year) for year in str(row["years"] or "").split()})),
                themes=tuple(themes.get(str(row["unitNode"]), ())),
            )
            for row in rows
        ]

    def unit(self, unit_id: str) -> UnitDetail:
        """A unit and what its documents say, year by year (NotFoundError for an unknown id)."""
        iri = URIRef(f"{self.iris.base}unit/{unit_id}")
        found = self.units(iri)
        if not found:
            raise NotFoundError(f"no unit '{unit_id}'; see /units")
        by_year: dict[int, list[DocumentRef]] = defaultdict(list)
        for document in self.documents(iri):
            by_year[document.year].append(document)
        years = []
        for year, documents in sorted(by_year.items()):
            goals, activities, indicators = [], [], []
            slugs: set[str] = set()
            for document in documents:
                doc = URIRef(document.iri)
                goals += self.goal_statements(document=doc)
                activities += self.activities(document=doc)
                indicators += self.indicators(document=doc)
                rows = _rows(
                    self.store,
                    """SELECT DISTINCT ?doc ?theme WHERE {
                      ?match a vg:ThemeMatch ; prov:wasDerivedFrom ?doc ; vg:authoredBy vg:UnitText ; vg:theme ?theme .
                    }""",
                    {"doc": doc},
                )
                slugs.update(_theme_slug(row["theme"]) for row in rows)
            years.append(
                UnitYear(
                    year=year,
                    documents=tuple(documents),
                    goals=tuple(goals),
                    activities=tuple(activities),
                    indicators=tuple(indicators),
                    themes=tuple(sorted(slugs)),
                )
            )
        return UnitDetail(unit=found[0], years=tuple(years))

    # -- themes -----------------------------------------------------------------------------------
    def themes(self) -> list[ThemeRef]:
        """Every theme with the number of units whose own text concerns it."""
        counts = {
            str(row["theme"]): int(row["units"])
            for row in _rows(
                self.store,
                "SELECT ?theme (COUNT(DISTINCT ?u) AS ?units) WHERE { ?u vg:worksOn ?theme } GROUP BY ?theme",
            )
        }
        return sorted(
            (
                ThemeRef(
                    id=theme.slug,
                    iri=str(theme.iri),
                    label_sv=theme.label_sv,
                    label_en=theme.label_en,
                    units=counts.get(str(theme.iri), 0),
                )
                for theme in default_tagger().themes
            ),
            key=lambda ref: (-ref.units, ref.label_sv),
        )

    def theme(self, slug: str) -> ThemeDetail:
        """A theme, the units working on it and the places their text concerns it."""
        found = [ref for ref in self.themes() if ref.id == slug]
        if not found:
            raise NotFoundError(f"no theme '{slug}'; see /themes")
        iri = VGT[slug]
        unit_rows = _rows(self.store, "SELECT ?theme ?unitNode WHERE { ?unitNode vg:worksOn ?theme }", {"theme": iri})
        units = [summary for row in unit_rows for summary in self.units(row["unitNode"])]
        rows = _rows(
            self.store,
            """SELECT ?theme ?node (GROUP_CONCAT(DISTINCT STR(?term); separator="|") AS ?terms)
                      ?document ?year ?unit ?first ?last WHERE {
              ?match a vg:ThemeMatch ; vg:theme ?theme ; vg:authoredBy vg:UnitText ; vg:matchedNode ?node ;
                     vg:matchedTerm ?term . """
            + _LOCATED
            + """} GROUP BY ?theme ?node ?document ?year ?unit ?first ?last ORDER BY ?year ?unit ?first""",
            {"theme": iri},
        )
        evidence = [ThemeEvidence(**_located(row), terms=tuple(sorted(str(row["terms"]).split("|")))) for row in rows]
        return ThemeDetail(theme=found[0], units=tuple(sorted(units, key=lambda u: u.label)), evidence=tuple(evidence))

    # -- goals ------------------------------------------------------------------------------------
    def _goal_refs(self, body: str, bindings: Mapping[str, Node]) -> list[GoalRef]:
        rows = _rows(
            self.store,
            body.replace(
                "#GOAL#",
                f"?other dcterms:title ?title ; a ?level . {_LEVEL_FILTER} OPTIONAL {{ ?other vg:goalNumber ?number }}",
            ),
            bindings,
        )
        return [
            GoalRef(
                id=self._id(row["other"], "goal"),
                iri=str(row["other"]),
                title=str(row["title"]),
                level=_LEVELS[row["level"]],
                number=_text(row["number"]),
            )
            for row in rows
        ]

    def goal(self, goal_id: str) -> GoalDetail:
        """A goal with the chain above it, the goals under it and every statement of it, across years."""
        iri = URIRef(f"{self.iris.base}goal/{goal_id}")
        selves = self._goal_refs("SELECT ?other ?title ?level ?number WHERE { #GOAL# }", {"other": iri})
        if not selves:
            raise NotFoundError(f"no goal '{goal_id}'; find goals with /search or /units/{{id}}")
        parents = self._goal_refs(
            "SELECT ?goal ?other ?title ?level ?number WHERE { ?goal vg:parentGoal+ ?other . #GOAL# }", {"goal": iri}
        )
        children = self._goal_refs(
            "SELECT ?goal ?other ?title ?level ?number WHERE { ?other vg:parentGoal ?goal . #GOAL# } ORDER BY ?title",
            {"goal": iri},
        )
        order = list(_LEVELS.values())
        period = _rows(self.store, "SELECT ?goal ?period WHERE { ?goal vg:mandatePeriod ?period }", {"goal": iri})
        return GoalDetail(
            goal=selves[0],
            mandate_period=_text(period[0]["period"]) if period else None,
            parents=tuple(sorted(parents, key=lambda ref: order.index(ref.level))),
            children=tuple(children),
            statements=tuple(self.goal_statements(goal=iri)),
        )

    # -- any node ---------------------------------------------------------------------------------
    def describe(self, iri: URIRef) -> Graph:
        """The triples about ``iri`` (as subject) — what dereferencing the IRI returns."""
        rows = _rows(self.store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", {"s": iri})
        if not rows:
            raise NotFoundError(f"nothing is known about <{iri}>")
        graph = Graph()
        bind_prefixes(graph, self.iris.base)
        for row in rows:
            graph.add((iri, row["p"], row["o"]))
        return graph
