"""/units: the units, and one unit's goals, activities, indicators and themes by year."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import BackendDep
from graph.browse import UnitDetail, UnitSummary

router = APIRouter(tags=["browse"])


@router.get("/units", response_model=list[UnitSummary])
def units(backend: BackendDep) -> list[UnitSummary]:
    """Every unit with its committee, documents, years and the themes its own text concerns."""
    return backend.browser.units()


@router.get("/units/{unit_id}", response_model=UnitDetail)
def unit(unit_id: str, backend: BackendDep) -> UnitDetail:
    """One unit (id as in /units, e.g. alvsjo-servicehus), year by year."""
    return backend.browser.unit(unit_id)
