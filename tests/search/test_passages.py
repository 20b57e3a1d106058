"""Passages: one per meaningful piece, sized for the model, shared text indexed once."""

from __future__ import annotations

from search.passages import MAX_WORDS, chunks


def by_node(passages, suffix: str):
    return [p for p in passages if any(o.node.endswith("/document/" + suffix) for o in p.occurrences)]


def test_passage_kinds_and_sizes(passages):
    kinds = {p.kind for p in passages}
    assert kinds == {"goal", "field", "activity", "analysis", "indicator", "section"}
    assert max(len(p.text.split()) for p in passages) <= MAX_WORDS
    assert len({p.id for p in passages}) == len(passages)


def test_a_unit_field_carries_node_unit_document_author_and_lines(passages):
    (arbetssatt,) = by_node(passages, "vp-2022-alvsjo-servicehus/goal-6/arbetssatt")
    assert "Enhetens måltidsombud har regelbundna möten med dietist och SNUD" in arbetssatt.text
    assert arbetssatt.context == "Enheten utför insatser som främjar hälsa och välbefinnande — Arbetssätt"
    (where,) = arbetssatt.occurrences
    assert (where.unit, where.document, where.year, where.kind) == (
        "Älvsjö servicehus",
        "vp-2022-alvsjo-servicehus",
        2022,
        "verksamhetsplan",
    )
    assert (where.level, where.author, where.lines) == ("enhetsmal", "unit", (358, 371))
    assert where.node == "https://w3id.org/vgraf/id/document/vp-2022-alvsjo-servicehus/goal-6/arbetssatt"
    assert "mat-och-maltider" in arbetssatt.themes


def test_namnd_text_repeated_in_four_documents_is_one_passage(passages):
    shared = [
        p
        for p in passages
        if p.kind == "field" and p.text.startswith("Verksamheterna ska bedrivas inom beslutad budget.")
    ]
    assert len(shared) == 1
    assert {o.document for o in shared[0].occurrences} == {
        "vp-2022-alvsjo-servicehus",
        "vp-2021-fruangsgardens-vard-och-omsorgsboende",
        "vb-2022-bestallarenheten-aldre",
        "vb-2021-glasade-gangen",
    }
    assert {o.author for o in shared[0].occurrences} == {"namnd"}


def test_activity_analysis_is_the_units_own_passage(passages):
    analyses = [p for p in by_node(passages, "vb-2022-bestallarenheten-aldre/activity-7") if p.kind == "analysis"]
    assert analyses[0].text.startswith("Enheten har tagit fram flergångskärl")
    assert analyses[0].occurrences[0].author == "unit"
    (indicator,) = [p for p in by_node(passages, "vb-2022-bestallarenheten-aldre/indicator-2") if p.kind == "indicator"]
    assert indicator.text == (
        "Sjukfrånvaro: utfall 7,7 %; föregående utfall 6,2 %; årsmål 9,5 %; "
        "KF:s årsmål Tas fram av nämnd/styrelse; period VB 2022"
    )


def test_chunks_cut_long_paragraphs_at_sentences():
    sentence = "Enheten arbetar med kontinuitet och trygghet för brukarna varje dag. "
    pieces = chunks(sentence * 40, max_words=30)
    assert all(len(piece.split()) <= 30 for piece in pieces)
    assert all(piece.endswith("dag.") for piece in pieces)
    assert " ".join(pieces) == (sentence * 40).strip()
