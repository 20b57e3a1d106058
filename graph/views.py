"""networkx views of the graph: unit–theme bipartite graph, goal tree, unit similarity.

The views are read from any store with fixed SPARQL queries, so they agree on
rdflib and Oxigraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from graph.stores import GraphStore

_PREFIXES = """
PREFIX vg: <https://w3id.org/vgraf/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
"""

_UNIT_THEME_EVIDENCE = (
    _PREFIXES
    + """
SELECT ?unit ?unitLabel ?theme ?themeLabel (COUNT(DISTINCT ?match) AS ?evidence) WHERE {
  ?match a vg:ThemeMatch ; vg:theme ?theme ; vg:authoredBy vg:UnitText ; prov:wasDerivedFrom ?document .
  ?document prov:wasAttributedTo ?unit .
  ?unit rdfs:label ?unitLabel .
  ?theme skos:prefLabel ?themeLabel . FILTER (lang(?themeLabel) = "sv")
}
GROUP BY ?unit ?unitLabel ?theme ?themeLabel
"""
)

_GOALS = (
    _PREFIXES
    + """
SELECT ?goal ?title ?level ?parent WHERE {
  ?goal a vg:Goal ; rdfs:label ?title ; a ?level .
  FILTER (?level IN (vg:KFInriktningsmal, vg:KFVerksamhetsmal, vg:Namndmal, vg:Enhetsmal))
  OPTIONAL { ?goal vg:parentGoal ?parent }
}
"""
)


def unit_theme_graph(store: GraphStore) -> nx.Graph:
    """Bipartite graph: units (bipartite=0) and themes (bipartite=1).

    An edge means the unit's own text concerns the theme; ``evidence`` counts the
    unit-written passages that say so (nämnd text repeated by every unit is not counted).
    """
    graph = nx.Graph()
    for row in store.query(_UNIT_THEME_EVIDENCE):
        unit, theme = str(row.unit), str(row.theme)
        graph.add_node(unit, label=str(row.unitLabel), bipartite=0, kind="unit")
        graph.add_node(theme, label=str(row.themeLabel), bipartite=1, kind="theme")
        graph.add_edge(unit, theme, evidence=int(row.evidence))
    return graph


def goal_tree(store: GraphStore) -> nx.DiGraph:
    """Directed graph of shared goals, edges from each goal to its parent goal."""
    tree = nx.DiGraph()
    for row in store.query(_GOALS):
        goal = str(row.goal)
        tree.add_node(goal, title=str(row.title), level=str(row.level).rsplit("#", 1)[-1])
        if row.parent is not None:
            tree.add_edge(goal, str(row.parent))
    return tree


@dataclass(frozen=True)
class UnitSimilarity:
    """Two units and the themes both work on; ``score`` is the Jaccard index of their themes."""

    unit_a: str
    unit_b: str
    score: float
    shared: tuple[str, ...]


def unit_similarity(bipartite: nx.Graph) -> list[UnitSimilarity]:
    """Pairs of units ranked by the overlap of the themes they work on."""
    units = sorted(
        (n for n, d in bipartite.nodes(data=True) if d["kind"] == "unit"), key=lambda n: bipartite.nodes[n]["label"]
    )
    result = []
    for a, b in combinations(units, 2):
        themes_a, themes_b = set(bipartite[a]), set(bipartite[b])
        union = themes_a | themes_b
        if not union:
            continue
        shared = sorted(bipartite.nodes[t]["label"] for t in themes_a & themes_b)
        result.append(
            UnitSimilarity(
                bipartite.nodes[a]["label"],
                bipartite.nodes[b]["label"],
                len(themes_a & themes_b) / len(union),
                tuple(shared),
            )
        )
    return sorted(result, key=lambda item: (-item.score, item.unit_a, item.unit_b))


def stats_report(store: GraphStore) -> str:
    """The text `vgraf stats` prints: units per theme, themes per unit, units sharing practices."""
    bipartite = unit_theme_graph(store)
    label = lambda node: bipartite.nodes[node]["label"]  # noqa: E731 - a short local helper
    themes = sorted((n for n, d in bipartite.nodes(data=True) if d["kind"] == "theme"), key=label)
    units = sorted((n for n, d in bipartite.nodes(data=True) if d["kind"] == "unit"), key=label)
    lines = [f"Graph: {len(store)} triples, {len(units)} units, {len(themes)} themes in use", "", "Units per theme:"]
    for theme in sorted(themes, key=lambda t: (-bipartite.degree(t), label(t))):
        names = ", ".join(
            f"{label(u)} ({bipartite[theme][u]['evidence']})"
            for u in sorted(bipartite[theme], key=lambda u: (-bipartite[theme][u]["evidence"], label(u)))
        )
        lines.append(f"  {label(theme)} [{bipartite.degree(theme)}]: {names}")
    lines += ["", "Themes per unit:"]
    for unit in units:
        names = ", ".join(sorted(label(t) for t in bipartite[unit]))
        lines.append(f"  {label(unit)} [{bipartite.degree(unit)}]: {names}")
    lines += ["", "Units sharing practices (Jaccard index of their themes):"]
    for pair in unit_similarity(bipartite):
        lines.append(f"  {pair.unit_a} ↔ {pair.unit_b}: {pair.score:.2f} — {', '.join(pair.shared)}")
    tree = goal_tree(store)
    lines += ["", f"Goal tree: {tree.number_of_nodes()} goals, {tree.number_of_edges()} parent links"]
    return "\n".join(lines)
