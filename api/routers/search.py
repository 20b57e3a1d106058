"""/search: hybrid search with the filters of `vgraf search`, answering the same JSON as `--json`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import StateDep
from search.models import SearchFilters, SearchResponse

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResponse)
async def search(
    state: StateDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="the question or words to search for")],
    top_k: Annotated[int, Query(ge=1, le=200)] = 10,
    unit: Annotated[str | None, Query(description="only this unit (a part of its name is enough)")] = None,
    year: int | None = None,
    kind: Literal["verksamhetsplan", "verksamhetsberattelse"] | None = None,
    level: Literal["kf_inriktningsmal", "kf_verksamhetsmal", "namndmal", "enhetsmal"] | None = None,
    theme: Annotated[str | None, Query(description="theme slug or label, e.g. palliativ-vard")] = None,
    unit_written: Annotated[bool, Query(description="only the units' own text, not the nämnd's")] = False,
    mode: Literal["hybrid", "dense", "lexical"] = "hybrid",
) -> SearchResponse:
    """Passages best first and units ranked by their evidence, each with a quote and its lines."""
    filters = SearchFilters(unit=unit, year=year, kind=kind, level=level, theme=theme, unit_written_only=unit_written)
    return await state.run_cpu(state.backend.searcher.search, q, top_k, filters, mode)
