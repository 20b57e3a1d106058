"""`vgraf build`, `vgraf sparql` and `vgraf stats` end to end on the bundled corpus."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from vgraf.cli import cli


@pytest.fixture
def env(tmp_path, monkeypatch, embedding_cache):
    """A private build folder (and data folder) for one test; embeddings are shared."""
    monkeypatch.setenv("VGRAF_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setenv("VGRAF_CACHE_DIR", str(embedding_cache))
    monkeypatch.setenv("VGRAF_DATA_DIR", str(ROOT / "data" / "raw"))
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_build_twice_gives_identical_output(env):
    first = invoke("build")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("built: 5 documents, ")
    release = (env / "build" / "current").resolve()
    ttl = (release / "graph.ttl").read_bytes()
    second = invoke("build")
    assert second.output.startswith("unchanged: 5 documents, ")
    assert (env / "build" / "current").resolve() == release
    assert (release / "graph.ttl").read_bytes() == ttl
    assert sorted(path.name for path in (release / "documents").iterdir())[0] == "vb-2021-glasade-gangen.json"
    assert (release / "graph.nt").read_text(encoding="utf-8").splitlines() == sorted(
        (release / "graph.nt").read_text(encoding="utf-8").splitlines()
    )


def test_a_failing_build_leaves_the_published_graph_alone(env, monkeypatch):
    assert invoke("build").exit_code == 0
    release = (env / "build" / "current").resolve()
    broken = env / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("VGRAF_DATA_DIR", str(broken))
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code != 0
    assert (env / "build" / "current").resolve() == release
    assert not [p for p in (env / "build" / "releases").iterdir() if p.name.startswith(".staging")]


def test_sparql_formats(env):
    assert invoke("build").exit_code == 0
    query = f"@{ROOT / 'queries' / '04-partly-met-unit-goals.rq'}"
    data = json.loads(invoke("sparql", query, "--format", "json").output)
    assert data["head"]["vars"] == ["unitLabel", "year", "goal", "first", "last"]
    assert len(data["results"]["bindings"]) == 3
    assert data["results"]["bindings"][0]["unitLabel"] == {
        "type": "literal",
        "value": "Glasade Gången",
        "xml:lang": "sv",
    }
    csv = invoke("sparql", query, "--format", "csv").output.splitlines()
    assert csv[0] == "unitLabel,year,goal,first,last" and len(csv) == 4
    table = invoke("sparql", query).output
    assert "(3 rows)" in table
    turtle = invoke("sparql", f"@{ROOT / 'queries' / '15-construct-unit-goals.rq'}", "--format", "turtle").output
    assert "vg:UppfyllsDelvis" in turtle
    assert invoke("sparql", "ASK { ?u a <http://www.w3.org/ns/org#OrganizationalUnit> }").output.strip() == "true"


def test_sparql_errors_are_clean(env):
    result = CliRunner().invoke(cli, ["sparql", "SELECT * WHERE { ?s ?p }"])
    assert result.exit_code == 1
    assert "nothing is built yet" in result.output
    assert invoke("build").exit_code == 0
    result = CliRunner().invoke(cli, ["sparql", "SELECT * WHERE { ?s ?p }"])
    assert result.exit_code == 1
    assert "vgraf: the SPARQL query failed" in result.output
    assert "Traceback" not in result.output


def test_oxigraph_build_answers_like_rdflib(env, monkeypatch):
    query = f"@{ROOT / 'queries' / '06-sick-leave-outcomes.rq'}"
    assert invoke("build").exit_code == 0
    memory = invoke("sparql", query, "--format", "csv").output
    monkeypatch.setenv("VGRAF_STORE", "oxigraph")
    shutil.rmtree(env / "build")
    assert invoke("build").exit_code == 0
    assert ((env / "build" / "current") / "oxigraph").is_dir()
    oxigraph = invoke("sparql", query, "--format", "csv").output
    assert sorted(oxigraph.splitlines()) == sorted(memory.splitlines())


def test_stats(env):
    assert invoke("build").exit_code == 0
    output = invoke("stats").output
    assert output.startswith("Graph: ")
    assert "Palliativ vård [2]: " in output
    assert "Themes per unit:" in output


def test_build_writes_the_formats_asked_for(env):
    from rdflib import Graph

    result = invoke("build", "--format", "jsonld", "--format", "ttl")
    assert result.exit_code == 0, result.output
    release = (env / "build" / "current").resolve()
    assert sorted(p.name for p in release.iterdir() if p.is_file()) == [
        "graph.jsonld",
        "graph.nt",
        "graph.ttl",
        "summary.json",
    ]
    from_jsonld = Graph().parse(release / "graph.jsonld", format="json-ld")
    from_nt = Graph().parse(release / "graph.nt", format="nt")
    assert len(from_jsonld) == len(from_nt) > 9000
    assert json.loads((release / "summary.json").read_text()) == {
        "documents": 5,
        "triples": len(from_nt),
        "passages": 581,
    }


def test_search_json_and_text(env):
    assert invoke("build").exit_code == 0
    data = json.loads(invoke("search", "Vilka enheter arbetar med måltidsombud?", "--json", "--top-k", "5").output)
    assert set(data) >= {"query", "results", "units"}
    assert len(data["results"]) == 5
    hit = data["results"][0]
    assert set(hit) >= {
        "passage_id",
        "node",
        "text",
        "unit",
        "document",
        "year",
        "kind",
        "level",
        "themes",
        "score",
        "lines",
    }
    assert [unit["unit"] for unit in data["units"][:2]] == ["Hägersten-Älvsjös hemtjänst", "Älvsjö servicehus"]
    assert set(data["units"][0]) >= {"unit", "score", "evidence"}
    filtered = json.loads(
        invoke("search", "sjukfrånvaro", "--json", "--year", "2021", "--mode", "lexical", "--unit", "Glasade").output
    )
    assert {hit["unit"] for hit in filtered["results"]} == {"Glasade Gången"}
    assert {hit["year"] for hit in filtered["results"]} == {2021}
    text = invoke("search", "Which units work on palliative care?", "--top-k", "3").output
    assert text.startswith("Units:\n  1. ")
    assert "palliativa ombud" in text
    bad = CliRunner().invoke(cli, ["search", "plast", "--theme", "rymdfart"])
    assert bad.exit_code == 1 and "vgraf: unknown theme 'rymdfart'" in bad.output


def test_serve_reports_a_failed_first_build_cleanly(env, monkeypatch):
    broken = env / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("VGRAF_DATA_DIR", str(broken))
    result = CliRunner().invoke(cli, ["serve", "--port", "8999"])
    assert result.exit_code == 1
    assert "nothing is built in" in result.output
    assert "vgraf: nothing to build from" in result.output and "empty.txt" in result.output
    assert "Traceback" not in result.output
