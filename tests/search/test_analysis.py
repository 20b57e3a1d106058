"""Swedish analysis: stems, stop words and compound parts that the corpus confirms."""

from __future__ import annotations

from search.analysis import SwedishAnalyzer, corpus_vocabulary


def analyzer(passages) -> SwedishAnalyzer:
    return SwedishAnalyzer(corpus_vocabulary(f"{p.context} {p.text}" for p in passages))


def test_compounds_reach_their_parts(passages):
    a = analyzer(passages)
    assert a.terms("måltidsombuden") == ["måltidsombud", "måltid", "ombud"]
    assert set(a.terms("ombud")) <= set(a.terms("måltidsombud"))
    assert set(a.terms("måltider")) <= set(a.terms("måltidsobservationer"))
    assert "ombud" in a.terms("kostombuden")


def test_stop_words_and_question_frame_are_dropped(passages):
    a = analyzer(passages)
    assert a.terms("Vilka enheter arbetar med måltidsombud?") == a.terms("måltidsombud")
    assert a.terms("Which units work on palliative care?") == a.terms("palliative care")


def test_without_a_vocabulary_nothing_is_split():
    assert SwedishAnalyzer().terms("måltidsombuden") == ["måltidsombud"]
