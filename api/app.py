"""The FastAPI application: routers, error handlers, body limit, CORS, and the served release."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from api.backend import Backend, ServerState
from api.errors import install_error_handlers
from api.limits import BodySizeLimit
from api.routers import chat, documents, goals, health, resources, search, sparql, themes, units
from vgraf.config import Settings, get_settings

DESCRIPTION = """
A knowledge graph with semantic search over Stockholm's verksamhetsplaner and
verksamhetsberättelser: SPARQL at `/sparql`, search at `/search`, questions at
`/chat`, and browsing of units, themes, goals and documents. Every answer points to
the unit, document and lines it came from.
"""


def create_app(settings: Settings | None = None, backend: Backend | None = None) -> FastAPI:
    """The API over the release published in ``settings.build_dir`` (build it first: `vgraf build`).

    ``backend`` is an already loaded release (as `vgraf serve` passes it, having reported
    any error cleanly); without one the release is loaded when the app starts.
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - FastAPI's lifespan protocol
        loaded = backend or await run_in_threadpool(Backend.load, settings)
        app.state.vgraf = ServerState(settings, loaded)
        try:
            yield
        finally:
            app.state.vgraf.backend.close()

    app = FastAPI(title="vgraf", version=version("vgraf"), description=DESCRIPTION, lifespan=lifespan)
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimit,
        limit=settings.max_body_bytes,
        upload_limit=settings.max_upload_bytes,
        upload_paths=("/documents",),
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["*"],
        )
    for module in (sparql, search, chat, units, themes, goals, documents, resources, health):
        app.include_router(module.router)
    return app
