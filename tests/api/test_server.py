"""The real server (uvicorn) on a free port, queried by a real SPARQL client (SPARQLWrapper)."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import uvicorn
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from api.app import create_app
from tests.conftest import ROOT

UNITS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { ?unit a org:OrganizationalUnit ; rdfs:label ?label } ORDER BY ?label"""
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(api_settings):
    """uvicorn serving the app in a thread; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(create_app(api_settings), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(30)


def _client(server: str, fmt: str, query: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_json_csv_xml(server):
    bindings = _client(server, JSON, UNITS).queryAndConvert()["results"]["bindings"]
    labels = [row["label"]["value"] for row in bindings]
    assert "Älvsjö servicehus" in labels and len(labels) == 5
    csv_text = _client(server, CSV, UNITS).queryAndConvert().decode("utf-8")
    assert csv_text.splitlines()[0] == "label" and "Glasade Gången" in csv_text
    document = _client(server, XML, UNITS).queryAndConvert()
    literals = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert sorted(literals) == sorted(labels)


def test_sparqlwrapper_construct(server):
    query = (ROOT / "queries" / "15-construct-unit-goals.rq").read_text(encoding="utf-8")
    client = _client(server, TURTLE, query)
    data = client.queryAndConvert()
    graph = Graph().parse(data=data, format="turtle")
    assert len(graph) > 0
    post = _client(server, TURTLE, query)
    post.setMethod("POST")
    assert len(Graph().parse(data=post.queryAndConvert(), format="turtle")) == len(graph)


def test_runaway_query_times_out_while_health_answers(server, api_settings):
    outcome: dict = {}

    def run() -> None:
        started = time.monotonic()
        response = httpx.get(f"{server}/sparql", params={"query": RUNAWAY}, timeout=60)
        outcome["seconds"] = time.monotonic() - started
        outcome["response"] = response

    runaway = threading.Thread(target=run)
    runaway.start()
    time.sleep(0.5)
    health_times = []
    while runaway.is_alive():
        started = time.monotonic()
        assert httpx.get(f"{server}/health", timeout=5).status_code == 200
        health_times.append(time.monotonic() - started)
        time.sleep(0.2)
    runaway.join()
    response = outcome["response"]
    assert response.status_code == 503
    assert "ran longer than the limit of 3 s and was stopped" in response.json()["error"]["message"]
    assert outcome["seconds"] < api_settings.sparql_timeout + 1.5
    assert health_times and max(health_times) < 1.0
    # the killed worker is replaced: queries keep working
    deadline = time.monotonic() + 30
    while True:
        answer = httpx.get(f"{server}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        if answer.status_code == 200 or time.monotonic() > deadline:
            break
    assert answer.json()["boolean"] is True
