"""/documents: the documents in the graph; uploading one (bearer token) ingests it and rebuilds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile, status
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from api.backend import Backend, ServerState
from api.deps import BackendDep, StateDep, WriterDep
from graph.browse import DocumentRef
from vgraf.documents import add_document

router = APIRouter(tags=["documents"])


class UploadResult(BaseModel):
    """The document added, and the release now served."""

    document: str
    unit: str
    year: int
    kind: str
    file: str
    replaced: bool
    release: str
    documents: int
    warnings: list[str]


@router.get("/documents", response_model=list[DocumentRef])
def documents(backend: BackendDep) -> list[DocumentRef]:
    """Every document in the graph, by year and unit."""
    return backend.browser.documents()


def _add_and_swap(state: ServerState, filename: str, content: bytes) -> UploadResult:
    # one upload at a time; readers keep the old backend until the new one is loaded whole
    with state.write_lock:
        added = add_document(state.settings, filename, content)
        fresh = Backend.load(state.settings)
        state.swap(fresh)
    info = added.parsed.document
    return UploadResult(
        document=info.id,
        unit=info.unit,
        year=info.year,
        kind=info.kind.value,
        file=added.path.name,
        replaced=added.replaced,
        release=fresh.release.name,
        documents=fresh.documents,
        warnings=[warning.message for warning in added.parsed.warnings],
    )


@router.post("/documents", response_model=UploadResult, status_code=status.HTTP_201_CREATED)
async def upload(
    _: WriterDep,
    state: StateDep,
    file: Annotated[UploadFile, File(description="a VP or VB as .txt, .docx or .pdf")],
) -> UploadResult:
    """Ingest the file and rebuild; a file that does not parse is refused and nothing changes."""
    content = await file.read()
    return await run_in_threadpool(_add_and_swap, state, file.filename or "document", content)
