"""Theme tagging: Swedish stems, compounds, the longest label, and the words kept."""

from __future__ import annotations

import pytest

from graph.themes import default_tagger


def tags(text: str) -> dict[str, tuple[str, ...]]:
    return {hit.theme.slug: hit.terms for hit in default_tagger().tag(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Enhetens måltidsombud har regelbundna möten med dietist och SNUD",
            {"mat-och-maltider": ("måltidsombud", "dietist", "SNUD")},
        ),
        ("Kontinuerliga möten med måltidsombuden.", {"mat-och-maltider": ("måltidsombuden",)}),
        ("Hemtjänstens demensgrupp är Silviahemscertifierad", {"demens": ("demensgrupp", "Silviahemscertifierad")}),
        (
            "registrera i Bpsd-registret och Palliativa registret",
            {"demens": ("Bpsd-registret",), "palliativ-vard": ("Palliativa registret",)},
        ),
        ("Otillåten påverkan tas upp på arbetsplatsträff", {"valfardsbrott": ("Otillåten påverkan",)}),
        # the longest label wins: a continuity plan is preparedness, not continuity of care
        ("Enheten har en aktuell kontinuitetsplan", {"beredskap": ("kontinuitetsplan",)}),
        (
            "minska användningen av plast med flergångskärl",
            {"plast": ("minska användningen av plast", "flergångskärl")},
        ),
        # short words match whole, never as part of a longer one
        ("kostnadseffektivt arbete med materialet i de fall som", {}),
        ("webbutbildning i basal hygien", {"kompetensutveckling": ("webbutbildning",), "hygien": ("basal hygien",)}),
    ],
)
def test_tagging(text, expected):
    assert tags(text) == expected


def test_every_theme_has_swedish_and_english_labels():
    tagger = default_tagger()
    slugs = {theme.slug for theme in tagger.themes}
    assert {"mat-och-maltider", "palliativ-vard", "demens", "plast", "valfardsbrott", "matsvinn"} <= slugs
    for theme in tagger.themes:
        assert theme.label_sv and theme.label_en, theme.slug
    assert tagger.theme("plast").broader == (tagger.theme("klimat-och-miljo").iri,)
