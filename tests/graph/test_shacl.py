"""The built graph conforms to ontology/shapes.ttl, and the shapes do catch faults."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, Literal

from graph.namespace import PROV, RDF, VG, XSD
from ontology import SHAPES_FILE


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate(data: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def test_the_built_graph_conforms(graph, shapes):
    conforms, report = validate(graph, shapes)
    assert conforms, report


def test_the_shapes_reject_a_broken_graph(graph, shapes):
    broken = Graph()
    broken += graph
    activity = next(iter(broken.subjects(RDF.type, VG.Activity)))
    broken.remove((activity, PROV.wasDerivedFrom, None))
    statement = next(iter(broken.subjects(RDF.type, VG.GoalStatement)))
    broken.set((statement, VG.lastLine, Literal(0, datatype=XSD.integer)))
    conforms, report = validate(broken, shapes)
    assert not conforms
    assert str(activity) in report and "wasDerivedFrom" in report
    assert "vg:lastLine is before vg:firstLine" in report or "lastLine" in report
