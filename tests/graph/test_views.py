"""networkx views: unit–theme bipartite graph, goal tree, unit similarity, stats."""

from __future__ import annotations

import networkx as nx

from graph.views import goal_tree, stats_report, unit_similarity, unit_theme_graph


def test_unit_theme_graph_counts_only_unit_written_evidence(store):
    bipartite = unit_theme_graph(store)
    assert nx.is_bipartite(bipartite)
    units = {d["label"]: n for n, d in bipartite.nodes(data=True) if d["kind"] == "unit"}
    themes = {d["label"]: n for n, d in bipartite.nodes(data=True) if d["kind"] == "theme"}
    assert len(units) == 5
    welfare = themes["Välfärdsbrott"]
    assert {bipartite.nodes[u]["label"] for u in bipartite[welfare]} == {"Hägersten-Älvsjös hemtjänst"}
    palliative = themes["Palliativ vård"]
    assert {bipartite.nodes[u]["label"] for u in bipartite[palliative]} == {
        "Fruängsgårdens vård- och omsorgsboende",
        "Hägersten-Älvsjös hemtjänst",
    }
    assert bipartite[units["Hägersten-Älvsjös hemtjänst"]][welfare]["evidence"] == 3


def test_goal_tree_links_every_goal_to_its_parent(store):
    tree = goal_tree(store)
    assert nx.is_directed_acyclic_graph(tree)
    levels = nx.get_node_attributes(tree, "level")
    for goal, parent in tree.edges():
        order = ["KFInriktningsmal", "KFVerksamhetsmal", "Namndmal", "Enhetsmal"]
        assert order.index(levels[goal]) > order.index(levels[parent])
    roots = [goal for goal in tree if tree.out_degree(goal) == 0]
    assert {levels[root] for root in roots} == {"KFInriktningsmal"}
    assert len(roots) == 6  # three KF goals in each of the two mandate periods


def test_unit_similarity_and_stats(store):
    pairs = unit_similarity(unit_theme_graph(store))
    assert len(pairs) == 10
    top = pairs[0]
    assert {top.unit_a, top.unit_b} == {"Hägersten-Älvsjös hemtjänst", "Älvsjö servicehus"}
    assert "Mat och måltider" in top.shared and 0 < top.score <= 1
    report = stats_report(store)
    assert "  Välfärdsbrott [1]: Hägersten-Älvsjös hemtjänst (3)" in report
    assert "Units sharing practices" in report
