"""Browsing endpoints and IRI dereferencing through HTTP."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["documents"] == 5 and body["triples"] > 9000


def test_units_and_one_unit_by_year(client):
    units = client.get("/units").json()
    assert [unit["id"] for unit in units] == [
        "bestallarenheten-aldre",
        "fruangsgardens-vard-och-omsorgsboende",
        "glasade-gangen",
        "hagersten-alvsjos-hemtjanst",
        "alvsjo-servicehus",
    ]
    hemtjanst = next(unit for unit in units if unit["id"] == "hagersten-alvsjos-hemtjanst")
    assert hemtjanst["years"] == [2025] and "valfardsbrott" in hemtjanst["themes"]
    detail = client.get("/units/alvsjo-servicehus").json()
    (year,) = detail["years"]
    assert year["year"] == 2022 and year["documents"][0]["id"] == "vp-2022-alvsjo-servicehus"
    titles = [activity["title"] for activity in year["activities"]]
    assert "Förvaltningens verksamheter ska arbeta för att minska användningen av plast." in titles
    assert any(goal["level"] == "enhetsmal" for goal in year["goals"])
    assert "mat-och-maltider" in year["themes"]
    assert client.get("/units/no-such-unit").status_code == 404


def test_indicator_values_with_sex_and_period(client):
    detail = client.get("/units/bestallarenheten-aldre").json()
    indicators = {row["name"]: row for row in detail["years"][0]["indicators"]}
    sick = indicators["Sjukfrånvaro dag 1-14"]
    values = {(v["measure"], v["period"], v["sex"]): v["value"] for v in sick["values"]}
    assert values[("outcome", "2022", "total")] == "2,1 %"
    assert values[("target", "2022", "total")] == "3,5 %"


def test_themes_and_one_theme(client):
    themes = {theme["id"]: theme for theme in client.get("/themes").json()}
    assert themes["palliativ-vard"]["units"] == 2 and themes["palliativ-vard"]["label_en"] == "Palliative care"
    detail = client.get("/themes/palliativ-vard").json()
    assert [unit["label"] for unit in detail["units"]] == [
        "Fruängsgårdens vård- och omsorgsboende",
        "Hägersten-Älvsjös hemtjänst",
    ]
    assert any("palliativa ombud" in evidence["terms"] for evidence in detail["evidence"])
    assert client.get("/themes/nope").status_code == 404


def test_goal_up_and_down_the_hierarchy(client):
    detail = client.get("/units/alvsjo-servicehus").json()
    unit_goal = next(g for g in detail["years"][0]["goals"] if g["level"] == "enhetsmal")
    goal = client.get(f"/goals/{unit_goal['goal_id']}").json()
    assert [parent["level"] for parent in goal["parents"]][-1] == "namndmal"
    namndmal = goal["parents"][-1]
    upper = client.get(f"/goals/{namndmal['id']}").json()
    assert unit_goal["goal_id"] in [child["id"] for child in upper["children"]]
    assert {s["document"] for s in upper["statements"]} >= {"vp-2022-alvsjo-servicehus"}
    assert client.get("/goals/enhetsmal/nope").status_code == 404


def test_documents(client):
    documents = client.get("/documents").json()
    assert [(d["year"], d["kind"]) for d in documents][0] == (2021, "verksamhetsplan")
    assert {d["source_file"] for d in documents} >= {"004_d685a3b99da1e2b8.txt"}


def test_iri_dereferencing_by_accept(client):
    path = "/id/unit/alvsjo-servicehus"
    as_json = client.get(path).json()
    assert {
        "predicate": "http://www.w3.org/2000/01/rdf-schema#label",
        "object": "Älvsjö servicehus",
        "type": "literal",
        "lang": "sv",
    } in as_json["properties"]
    page = client.get(path, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "Älvsjö servicehus" in page.text
    graph = Graph().parse(data=client.get(path, headers={"accept": "application/ld+json"}).text, format="json-ld")
    unit = URIRef("https://w3id.org/vgraf/id/unit/alvsjo-servicehus")
    assert (
        unit,
        URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
        Literal("Älvsjö servicehus", lang="sv"),
    ) in graph
    assert client.get("/id/unit/nope").status_code == 404


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/sparql", "/search", "/chat", "/units", "/themes", "/documents", "/health"} <= set(paths)


def test_unknown_path_is_json(client):
    response = client.get("/nope")
    assert response.status_code == 404 and response.json()["error"]["message"] == "Not Found"
