"""rdflib's SPARQL parser is shared by the API's threads; parsing must survive concurrent use."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from graph.results import query_form
from graph.stores import create_store
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


def test_concurrent_parsing_and_memory_queries_all_succeed(graph):
    store = create_store("memory")
    store.load(graph)
    texts = [path.read_text(encoding="utf-8") for path in QUERIES if not path.name.startswith("08")]
    expected = {text: len(store.query(text)) for text in texts}

    def run(index: int) -> tuple[str, int]:
        text = texts[index % len(texts)]
        return query_form(text), len(store.query(text))

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(run, range(4 * len(texts))))
    assert [rows for _, rows in answers] == [expected[texts[i % len(texts)]] for i in range(len(answers))]
    assert {form for form, _ in answers} == {"SELECT", "CONSTRUCT"}
