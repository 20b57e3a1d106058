"""Every error is JSON with a message: the stages' exceptions become HTTP statuses here."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.browse import NotFoundError
from graph.errors import (
    BuildMissingError,
    GraphError,
    NotAcceptableError,
    QueryError,
    QueryTimeoutError,
    ResultTooLargeError,
    UpdateRefusedError,
)
from ingest import IngestError
from search.errors import EmbedderError, IndexMissingError, SearchError
from vgraf.documents import DocumentConflictError

logger = logging.getLogger("vgraf.api")

# most specific first: the first class an error is an instance of decides its status
_STATUSES: tuple[tuple[type[Exception], int], ...] = (
    (NotFoundError, status.HTTP_404_NOT_FOUND),
    (UpdateRefusedError, status.HTTP_403_FORBIDDEN),
    (NotAcceptableError, status.HTTP_406_NOT_ACCEPTABLE),
    (QueryTimeoutError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (ResultTooLargeError, status.HTTP_422_UNPROCESSABLE_CONTENT),
    (QueryError, status.HTTP_400_BAD_REQUEST),
    (BuildMissingError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (GraphError, status.HTTP_500_INTERNAL_SERVER_ERROR),
    (IndexMissingError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (EmbedderError, status.HTTP_500_INTERNAL_SERVER_ERROR),
    (SearchError, status.HTTP_400_BAD_REQUEST),
    (DocumentConflictError, status.HTTP_409_CONFLICT),
    (IngestError, status.HTTP_400_BAD_REQUEST),
)


def error_response(code: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape: ``{"error": {"status": 400, "message": "…"}}``."""
    return JSONResponse({"error": {"status": code, "message": message}}, status_code=code, headers=headers)


async def _stage_error(request: Request, error: Exception) -> JSONResponse:
    code = next(code for cls, code in _STATUSES if isinstance(error, cls))
    if code >= 500:
        logger.warning("%s %s: %s", request.method, request.url.path, error)
    return error_response(code, str(error))


async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    return error_response(error.status_code, str(error.detail), getattr(error, "headers", None))


async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}" for problem in error.errors()
    )
    return error_response(status.HTTP_422_UNPROCESSABLE_CONTENT, f"invalid request: {problems}")


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(
        status.HTTP_500_INTERNAL_SERVER_ERROR, f"internal error ({type(error).__name__}); see the server log"
    )


def install_error_handlers(app: FastAPI) -> None:
    """JSON errors for the stages' exceptions, HTTP errors, invalid requests and anything unexpected."""
    for cls, _ in _STATUSES:
        app.add_exception_handler(cls, _stage_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
