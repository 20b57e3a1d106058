"""/sparql: the SPARQL 1.1 Protocol, read-only, each query run in a worker process under a time limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import StateDep
from graph.errors import UpdateRefusedError
from graph.results import negotiate, query_form

router = APIRouter(tags=["sparql"])

_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
_QUERY_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")


async def _answer(state: StateDep, query: str, accept: str | None, fmt: str | None) -> Response:
    backend = state.backend
    form = await state.run_cpu(query_form, query)  # parsing takes milliseconds of CPU: not on the event loop
    result_format = negotiate(form, accept, fmt)
    # waiting for the worker holds no CPU, so it does not take one of the CPU threads
    answer = await run_in_threadpool(backend.pool.execute, query, result_format)
    return Response(answer.body, media_type=answer.media_type)


def _no_dataset(default_graphs: list[str], named_graphs: list[str]) -> None:
    if default_graphs or named_graphs:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            "default-graph-uri and named-graph-uri are not supported: the endpoint holds one default graph",
        )


@router.get("/sparql", summary="SPARQL query (GET ?query=)")
async def sparql_get(
    request: Request,
    state: StateDep,
    query: Annotated[str | None, Query(description="the SPARQL query")] = None,
    update: Annotated[str | None, Query(include_in_schema=False)] = None,
    fmt: Annotated[str | None, Query(alias="format", description="json, xml, csv, tsv, turtle, nt, json-ld")] = None,
    default_graphs: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006 - FastAPI copies it
    named_graphs: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
) -> Response:
    """SELECT/ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples or JSON-LD (by Accept)."""
    if update is not None:
        raise UpdateRefusedError(_READ_ONLY)
    if not query:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "missing the 'query' parameter")
    _no_dataset(default_graphs, named_graphs)
    return await _answer(state, query, request.headers.get("accept"), fmt)


@router.post(
    "/sparql",
    summary="SPARQL query (POST form or application/sparql-query)",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}}
                },
            }
        }
    },
)
async def sparql_post(request: Request, state: StateDep) -> Response:
    """The query in a form field ``query`` or as the whole body; updates are refused with 403."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = request.query_params.get("format")
    if content_type == "application/sparql-update":
        raise UpdateRefusedError(_READ_ONLY)
    if content_type == "application/sparql-query":
        try:
            query = (await request.body()).decode("utf-8")
        except UnicodeDecodeError as error:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "the query is not UTF-8 text") from error
    elif content_type == "application/x-www-form-urlencoded":
        form = await request.form()
        if "update" in form:
            raise UpdateRefusedError(_READ_ONLY)
        query = str(form.get("query") or "")
        fmt = str(form.get("format") or fmt or "") or None
        _no_dataset(form.getlist("default-graph-uri"), form.getlist("named-graph-uri"))
    else:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"send the query as {' or '.join(_QUERY_TYPES)} (got '{content_type or 'no content type'}')",
        )
    if not query.strip():
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "missing the query")
    return await _answer(state, query, request.headers.get("accept"), fmt)
