"""/sparql through HTTP: the SPARQL 1.1 Protocol, formats, refusals and limits."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from rdflib import Graph, URIRef

from tests.conftest import ROOT

UNITS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { ?unit a org:OrganizationalUnit ; rdfs:label ?label } ORDER BY ?label"""
ALL_UNITS = [
    "Beställarenheten äldre",
    "Fruängsgårdens vård- och omsorgsboende",
    "Glasade Gången",
    "Hägersten-Älvsjös hemtjänst",
    "Älvsjö servicehus",
]


def test_get_select_answers_sparql_json_by_default(client):
    response = client.get("/sparql", params={"query": UNITS})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    bindings = response.json()["results"]["bindings"]
    assert [row["label"]["value"] for row in bindings] == sorted(ALL_UNITS)
    assert bindings[0]["label"]["xml:lang"] == "sv"


def test_post_form_and_sparql_query_body_give_the_same_answer(client):
    form = client.post("/sparql", data={"query": UNITS})
    body = client.post("/sparql", content=UNITS.encode(), headers={"content-type": "application/sparql-query"})
    assert form.status_code == body.status_code == 200
    assert form.json() == body.json()


def test_accept_header_chooses_xml_csv_and_tsv(client):
    xml = client.get("/sparql", params={"query": UNITS}, headers={"accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    literals = [e.text for e in ET.fromstring(xml.content).iter("{http://www.w3.org/2005/sparql-results#}literal")]
    assert sorted(literals) == sorted(ALL_UNITS)

    csv_answer = client.get("/sparql", params={"query": UNITS}, headers={"accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(csv_answer.text)))
    assert rows[0] == ["label"] and sorted(row[0] for row in rows[1:]) == sorted(ALL_UNITS)

    tsv = client.get("/sparql", params={"query": UNITS}, headers={"accept": "text/tab-separated-values;q=0.9"})
    lines = tsv.text.splitlines()
    assert lines[0] == "?label"
    assert '"Älvsjö servicehus"@sv' in lines


def test_ask_and_construct(client):
    ask = client.get("/sparql", params={"query": "ASK { ?s <https://w3id.org/vgraf/ontology#worksOn> ?t }"})
    assert ask.json()["boolean"] is True
    construct = (ROOT / "queries" / "15-construct-unit-goals.rq").read_text(encoding="utf-8")
    turtle = client.post("/sparql", data={"query": construct}, headers={"accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert len(graph) > 0
    jsonld = client.post("/sparql", data={"query": construct}, headers={"accept": "application/ld+json"})
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == len(graph)
    nt = client.post("/sparql", data={"query": construct}, headers={"accept": "application/n-triples"})
    assert len(Graph().parse(data=nt.text, format="nt")) == len(graph)


def test_updates_are_refused_and_change_nothing(client):
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    assert (
        client.post("/sparql", content=update, headers={"content-type": "application/sparql-update"}).status_code == 403
    )
    assert client.post("/sparql", data={"update": update}).status_code == 403
    assert client.get("/sparql", params={"update": update}).status_code == 403
    as_query = client.get("/sparql", params={"query": update})
    assert as_query.status_code == 403
    assert "read-only" in as_query.json()["error"]["message"]
    ask = client.get("/sparql", params={"query": "ASK { <urn:x> <urn:y> <urn:z> }"})
    assert ask.json()["boolean"] is False


def test_malformed_query_gets_400_with_the_parsers_message(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("malformed SPARQL query: Expected")


def test_unknown_prefix_is_a_400_not_a_crash(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x nope:p ?y }"})
    assert response.status_code == 400
    assert "nope" in response.json()["error"]["message"]


def test_unacceptable_format_is_406(client):
    response = client.get("/sparql", params={"query": UNITS}, headers={"accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.json()["error"]["message"]


def test_result_size_limit(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 422
    assert "more than the limit of 5000" in response.json()["error"]["message"]
    limited = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"})
    assert len(limited.json()["results"]["bindings"]) == 10


def test_cors_lets_the_configured_browser_editor_in(client):
    response = client.options(
        "/sparql",
        headers={"origin": "https://yasgui.example", "access-control-request-method": "POST"},
    )
    assert response.headers["access-control-allow-origin"] == "https://yasgui.example"
    other = client.get("/sparql", params={"query": UNITS}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_body_over_the_limit_is_413_json(client):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30_000
    response = client.post("/sparql", content=big, headers={"content-type": "application/sparql-query"})
    assert response.status_code == 413
    assert json.loads(response.text)["error"]["message"] == "the request body is larger than the limit of 20000 bytes"
    chunked = client.post(
        "/sparql",
        content=iter([big.encode()[:15_000], big.encode()[15_000:]]),
        headers={"content-type": "application/sparql-query"},
    )
    assert chunked.status_code == 413


def test_bound_iri_dereferences(client):
    response = client.get("/id/unit/alvsjo-servicehus", headers={"accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    unit = URIRef("https://w3id.org/vgraf/id/unit/alvsjo-servicehus")
    assert (unit, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in graph
