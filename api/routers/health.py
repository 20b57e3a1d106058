"""/health: answers at once, whatever the SPARQL workers are doing."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import BackendDep, SettingsDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    """What is served."""

    status: str
    release: str
    documents: int
    triples: int
    passages: int
    store: str
    sparql_workers: int
    sparql_timeout_s: float


@router.get("/health", response_model=Health)
async def health(backend: BackendDep, settings: SettingsDep) -> Health:
    """Liveness and the release served (no query is run)."""
    return Health(
        status="ok",
        release=backend.release.name,
        documents=backend.documents,
        triples=backend.triples,
        passages=len(backend.searcher.passages),
        store=settings.store,
        sparql_workers=settings.sparql_workers,
        sparql_timeout_s=settings.sparql_timeout,
    )
