"""/id/…: the graph's IRIs dereference under the server as HTML, JSON, JSON-LD or Turtle."""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from rdflib import Literal, URIRef
from starlette.concurrency import run_in_threadpool

from api.deps import BackendDep, SettingsDep
from graph.results import accepted_media_ranges

router = APIRouter(tags=["browse"])

_RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
}


def _preferred(accept: str) -> str:
    """The best of html, an RDF type, or json that the Accept header names (q-values honoured); json by default."""
    for media, quality in accepted_media_ranges(accept):
        if quality <= 0:
            continue
        if media in ("text/html", "application/xhtml+xml"):
            return "text/html"
        if media in _RDF_TYPES or media == "application/json":
            return media
    return "application/json"


def _link(term, base: str) -> str:  # noqa: ANN001 - an rdflib term
    text = html.escape(str(term))
    if isinstance(term, URIRef) and str(term).startswith(base):
        return f'<a href="/id/{html.escape(str(term)[len(base) :])}">{text}</a>'
    if isinstance(term, URIRef):
        return f'<a href="{text}">{text}</a>'
    return text


@router.get("/id/{path:path}", summary="Dereference a graph IRI")
async def resource(path: str, request: Request, backend: BackendDep, settings: SettingsDep) -> Response:
    """What the graph says about ``<base IRI><path>``, by Accept: HTML, JSON, JSON-LD, N-Triples or Turtle."""
    iri = URIRef(settings.base_iri + path)
    graph = await run_in_threadpool(backend.browser.describe, iri)
    media = _preferred(request.headers.get("accept", ""))
    if media in _RDF_TYPES:
        return Response(graph.serialize(format=_RDF_TYPES[media], encoding="utf-8"), media_type=media)
    rows = sorted(graph.predicate_objects(iri), key=lambda pair: (str(pair[0]), str(pair[1])))
    if media == "text/html":
        cells = "".join(
            f"<tr><td>{_link(p, settings.base_iri)}</td><td>{_link(o, settings.base_iri)}</td></tr>" for p, o in rows
        )
        page = (
            f'<!doctype html><html lang="sv"><meta charset="utf-8"><title>{html.escape(str(iri))}</title>'
            f"<h1>{html.escape(str(iri))}</h1><table>{cells}</table></html>"
        )
        return HTMLResponse(page)
    properties = [
        {
            "predicate": str(p),
            "object": str(o),
            "type": "literal" if isinstance(o, Literal) else "iri",
            **({"lang": o.language} if isinstance(o, Literal) and o.language else {}),
        }
        for p, o in rows
    ]
    return JSONResponse({"iri": str(iri), "properties": properties})
