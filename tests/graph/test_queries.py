"""Every example query in queries/ answers as the documents say, on both stores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph.errors import QueryError
from graph.sparql import format_result, read_query
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


def rows(store, name: str) -> list[dict[str, str]]:
    result = store.query(read_query(f"@{ROOT / 'queries' / name}"))
    return [{str(var): (str(row[var]) if row[var] is not None else None) for var in result.vars} for row in result]


def test_there_are_at_least_twelve_documented_queries():
    assert len(QUERIES) >= 12
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# ") and " / " in text.splitlines()[0], path.name


def term_key(term) -> str | None:
    """A term in comparable form.

    RDF 1.1 makes a simple literal and an xsd:string literal the same term (rdflib
    prints the first, Oxigraph the second), and SPARQL leaves the order inside
    GROUP_CONCAT to the engine, so concatenations are compared as sorted parts.
    """
    if term is None:
        return None
    if isinstance(term, Literal) and term.language is None and term.datatype in (None, XSD.string):
        parts = sorted(re.split(r", |; ", str(term)))
        return "string:" + "|".join(parts)
    return term.n3()


def canonical(result) -> set:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return {tuple(term_key(term) for term in triple) for triple in result.graph}
    if result.type == "ASK":
        return {result.askAnswer}
    return {tuple((str(var), term_key(row[var])) for var in result.vars) for row in result}


@pytest.mark.parametrize("path", QUERIES, ids=[path.name for path in QUERIES])
def test_rdflib_and_oxigraph_agree(stores, path):
    query = path.read_text(encoding="utf-8")
    answers = {kind: canonical(store.query(query)) for kind, store in stores.items()}
    assert answers["memory"] == answers["oxigraph"]
    assert answers["memory"], f"{path.name} returned nothing"


def test_01_units_working_on_nutrition(store):
    found = {row["unitLabel"]: row for row in rows(store, "01-units-working-on-theme.rq")}
    assert set(found) == {
        "Älvsjö servicehus",
        "Hägersten-Älvsjös hemtjänst",
        "Beställarenheten äldre",
        "Fruängsgårdens vård- och omsorgsboende",
        "Glasade Gången",
    }
    assert "måltidsombud" in found["Älvsjö servicehus"]["matched"].split(", ")
    assert "måltidsombuden" in found["Hägersten-Älvsjös hemtjänst"]["matched"].split(", ")
    assert found["Glasade Gången"]["matched"] == "livsmedelsinköp"


def test_02_welfare_crime_evidence_split_by_author(store):
    found = rows(store, "02-theme-evidence-by-author.rq")
    unit_written = {(r["unitLabel"], r["first"]) for r in found if r["author"] == "unit's text"}
    assert unit_written == {
        ("Hägersten-Älvsjös hemtjänst", "446"),
        ("Hägersten-Älvsjös hemtjänst", "448"),
        ("Hägersten-Älvsjös hemtjänst", "453"),
    }
    assert ("Glasade Gången", "committee's text") in {(r["unitLabel"], r["author"]) for r in found}


def test_03_activities_under_one_namndmal_across_units_and_years(store):
    found = rows(store, "03-activities-per-namndmal.rq")
    by_unit = {}
    for row in found:
        by_unit.setdefault((row["unitLabel"], row["year"]), []).append(row["activity"])
    assert {key: len(value) for key, value in by_unit.items()} == {
        ("Fruängsgårdens vård- och omsorgsboende", "2021"): 7,
        ("Beställarenheten äldre", "2022"): 5,
        ("Älvsjö servicehus", "2022"): 8,
    }
    hygiene = (
        "Förvaltningen ska säkerställa kompetensen för de basala hygienrutinerna och att rutiner finns och följs upp."
    )
    assert sum(activities.count(hygiene) for activities in by_unit.values()) == 3


def test_04_glasade_gangens_three_partly_met_unit_goals(store):
    assert [(r["unitLabel"], r["year"], r["goal"]) for r in rows(store, "04-partly-met-unit-goals.rq")] == [
        (
            "Glasade Gången",
            "2021",
            "Medarbetare på Glasade Gångens dagliga verksamhet förbereds för att närma sig arbetsmarknaden.",
        ),
        ("Glasade Gången", "2021", "Enheten arbetar för att Hägersten-Älvsjö är en fossifri organisation år 2030"),
        ("Glasade Gången", "2021", "Enheten är en god arbetsgivare med en god arbetsmiljö."),
    ]


def test_05_outcomes_by_sex(store):
    found = {(r["total"], r["men"], r["women"]) for r in rows(store, "05-indicator-outcomes-by-sex.rq")}
    assert found == {("95 %", "92 %", "97 %"), ("90 %", "94 %", "88 %"), ("89 %", "88 %", "91 %")}


def test_06_sick_leave_outcomes(store):
    found = {(r["unitLabel"], r["indicator"]): r for r in rows(store, "06-sick-leave-outcomes.rq")}
    assert len(found) == 4
    row = found[("Beställarenheten äldre", "Sjukfrånvaro")]
    assert (row["year"], row["outcome"], row["outcomeValue"], row["previous"], row["target"]) == (
        "2022",
        "7,7 %",
        "7.7",
        "6,2 %",
        "9,5 %",
    )
    assert found[("Glasade Gången", "Sjukfrånvaro dag 1-14")]["outcome"] == "3,75 %"


def test_07_goals_under_kf_goal_1_5(store):
    found = {(r["level"], r["title"]): r["statedIn"] for r in rows(store, "07-goals-under-kf-goal.rq")}
    namnd = (
        "Namndmal",
        "Äldre får insatser av hög kvalitet som ger trygghet, valfrihet och stärker förmågan att leva "
        "ett värdigt och självständigt liv",
    )
    assert set(found[namnd].split("; ")) == {
        "Älvsjö servicehus 2022",
        "Fruängsgårdens vård- och omsorgsboende 2021",
        "Beställarenheten äldre 2022",
    }
    assert sum(1 for level, _ in found if level == "Enhetsmal") == 5


def test_08_units_sharing_practices(store):
    found = rows(store, "08-units-sharing-practices.rq")
    assert len(found) == 10  # every pair of the five units shares some theme
    top = found[0]
    assert (top["unitA"], top["unitB"]) == ("Hägersten-Älvsjös hemtjänst", "Älvsjö servicehus")
    assert "Mat och måltider" in top["themes"].split(", ")


def test_09_everything_alvsjo_servicehus_planned_for_2022(store):
    found = rows(store, "09-unit-plan-for-year.rq")
    assert len({r["goal"] for r in found}) == 7
    assert ("Utveckling av kontaktpersonsuppdraget", "2021-01-27") in {(r["activity"], r["start"]) for r in found}


def test_10_units_contributing_to_the_budget_namndmal(store):
    found = [(r["unitLabel"], r["year"], r["unitGoals"]) for r in rows(store, "10-units-contributing-to-namndmal.rq")]
    assert found == [
        ("Fruängsgårdens vård- och omsorgsboende", "2021", "0"),
        ("Glasade Gången", "2021", "1"),
        ("Beställarenheten äldre", "2022", "1"),
        ("Älvsjö servicehus", "2022", "1"),
    ]


def test_11_goal_assessments(store):
    found = {(r["unitLabel"], r["assessment"]): r["goals"] for r in rows(store, "11-goal-assessments-per-unit.rq")}
    assert found == {
        ("Beställarenheten äldre", "Uppfylls helt"): "4",
        ("Glasade Gången", "Ingen"): "12",
        ("Glasade Gången", "Uppfylls delvis"): "3",
        ("Glasade Gången", "Uppfylls helt"): "2",
    }


def test_12_themes_overview(store):
    found = {r["label"]: int(r["units"]) for r in rows(store, "12-themes-overview.rq")}
    assert found["Välfärdsbrott"] == 1
    assert found["Palliativ vård"] == 2
    assert found["Mat och måltider"] == 5
    assert len(found) >= 19


def test_13_documents(store):
    found = [(r["unitLabel"], r["year"], r["kind"], r["file"]) for r in rows(store, "13-documents.rq")]
    assert len(found) == 5
    assert ("Glasade Gången", "2021", "verksamhetsberattelse", "003_9aa9168e8aa3441c.txt") in found


def test_14_activities_started_before_the_plan_year(store):
    found = [
        (r["unitLabel"], r["activity"], r["start"]) for r in rows(store, "14-activities-started-before-plan-year.rq")
    ]
    assert found == [
        (
            "Hägersten-Älvsjös hemtjänst",
            "Stadsdelsnämnden ska arbeta aktivt med utveckling av medarbetarskap",
            "2024-01-01",
        ),
        ("Älvsjö servicehus", "Utveckling av kontaktpersonsuppdraget", "2021-01-27"),
        ("Älvsjö servicehus", "Årsplanering av aktiviteter", "2021-01-27"),
    ]


def test_15_construct_gives_turtle(store):
    result = store.query(read_query(f"@{ROOT / 'queries' / '15-construct-unit-goals.rq'}"))
    turtle = format_result(result, "turtle")
    assert "@prefix vg: <https://w3id.org/vgraf/ontology#>" in turtle
    assert turtle.count("vg:UppfyllsDelvis") == 3


def test_bound_variables_are_passed_as_bindings_not_text(store):
    # Oxigraph substitutes bound variables (SPARQL SEP-0007), which must be projected
    query = "SELECT ?unit ?name WHERE { ?unit <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    result = store.query(query, {"name": Literal('Glasade Gången" } ; DROP ALL ; #', lang="sv")})
    assert list(result) == []
    result = store.query(query, {"name": Literal("Glasade Gången", lang="sv")})
    assert [str(row.unit) for row in result] == ["https://w3id.org/vgraf/id/unit/glasade-gangen"]


def test_a_malformed_query_is_a_query_error(store):
    with pytest.raises(QueryError, match="the SPARQL query failed"):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_result_formats(store):
    result = store.query(
        "SELECT ?n WHERE { ?u a <http://www.w3.org/ns/org#OrganizationalUnit> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?n } ORDER BY ?n LIMIT 1"
    )
    import json

    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["n"]
    assert data["results"]["bindings"][0]["n"] == {
        "type": "literal",
        "value": "Beställarenheten äldre",
        "xml:lang": "sv",
    }
    assert format_result(result, "csv").splitlines() == ["n", "Beställarenheten äldre"]
    with pytest.raises(QueryError, match="use --format table, json or csv"):
        format_result(result, "turtle")


def test_a_missing_query_file(tmp_path: Path):
    with pytest.raises(QueryError, match="cannot read the query file"):
        read_query(f"@{tmp_path / 'missing.rq'}")
