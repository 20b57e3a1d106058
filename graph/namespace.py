"""Namespaces of the vgraf graph, as rdflib DefinedNamespaces (no hand-typed IRIs)."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "DCTERMS",
    "ORG",
    "OWL",
    "PROV",
    "QB",
    "RDF",
    "RDFS",
    "SDMX_CODE",
    "SDMX_DIMENSION",
    "SKOS",
    "VG",
    "VGT",
    "XSD",
]


class VG(DefinedNamespace):
    """The vgraf ontology (ontology/vgraf.ttl)."""

    _NS = Namespace("https://w3id.org/vgraf/ontology#")
    _fail = True

    # documents
    Document: URIRef
    Verksamhetsplan: URIRef
    Verksamhetsberattelse: URIRef
    year: URIRef
    kind: URIRef
    sourceFile: URIRef
    firstLine: URIRef
    lastLine: URIRef
    # authorship
    Authorship: URIRef
    UnitText: URIRef
    NamndText: URIRef
    authoredBy: URIRef
    # goals
    Goal: URIRef
    KFInriktningsmal: URIRef
    KFVerksamhetsmal: URIRef
    Namndmal: URIRef
    Enhetsmal: URIRef
    goalNumber: URIRef
    mandatePeriod: URIRef
    parentGoal: URIRef
    unit: URIRef
    GoalStatement: URIRef
    statementOf: URIRef
    parentStatement: URIRef
    GoalStatus: URIRef
    UppfyllsHelt: URIRef
    UppfyllsDelvis: URIRef
    UppfyllsInte: URIRef
    IngenBedomning: URIRef
    status: URIRef
    GoalField: URIRef
    hasField: URIRef
    fieldKey: URIRef
    text: URIRef
    # activities and sections
    Activity: URIRef
    underGoal: URIRef
    startDate: URIRef
    endDate: URIRef
    deviation: URIRef
    analysis: URIRef
    Section: URIRef
    # indicators
    Indicator: URIRef
    IndicatorRow: URIRef
    rowOf: URIRef
    periodicity: URIRef
    period: URIRef
    IndicatorValues: URIRef
    indicatorStructure: URIRef
    indicator: URIRef
    refUnit: URIRef
    refPeriod: URIRef
    fromRow: URIRef
    outcome: URIRef
    target: URIRef
    kfTarget: URIRef
    previousOutcome: URIRef
    numericValue: URIRef
    unitOfMeasure: URIRef
    comparator: URIRef
    # themes
    worksOn: URIRef
    ThemeMatch: URIRef
    matchedNode: URIRef
    theme: URIRef
    matchedTerm: URIRef


# Theme concepts live in their own namespace (ontology/themes.ttl); their local names are
# the themes' slugs, read from that file rather than listed here.
VGT = Namespace("https://w3id.org/vgraf/theme/")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_CODE = Namespace("http://purl.org/linked-data/sdmx/2009/code#")
