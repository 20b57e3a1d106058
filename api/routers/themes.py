"""/themes: the SKOS themes, and one theme's units and evidence."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import BackendDep
from graph.browse import ThemeDetail, ThemeRef

router = APIRouter(tags=["browse"])


@router.get("/themes", response_model=list[ThemeRef])
def themes(backend: BackendDep) -> list[ThemeRef]:
    """Every theme with how many units work on it."""
    return backend.browser.themes()


@router.get("/themes/{theme_id}", response_model=ThemeDetail)
def theme(theme_id: str, backend: BackendDep) -> ThemeDetail:
    """One theme (e.g. palliativ-vard): the units working on it and where their text says so."""
    return backend.browser.theme(theme_id)
