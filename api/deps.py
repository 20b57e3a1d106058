"""Dependencies shared by the routers, as ``Annotated`` aliases."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.backend import Backend, ServerState
from vgraf.config import Settings


def get_state(request: Request) -> ServerState:
    """The server's state, set up when the app starts."""
    return request.app.state.vgraf


def get_backend(state: Annotated[ServerState, Depends(get_state)]) -> Backend:
    """The release served now (taken once per request, so a swap never changes it mid-request)."""
    return state.backend


def get_settings(state: Annotated[ServerState, Depends(get_state)]) -> Settings:
    """The settings the server was started with."""
    return state.settings


_bearer = HTTPBearer(auto_error=False)


def require_writer(
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need the configured bearer token; with none configured they are disabled."""
    if not settings.api_token:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "writes are disabled: no VGRAF_API_TOKEN is configured")
    if credentials is None or not secrets.compare_digest(credentials.credentials, settings.api_token):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "a valid bearer token is required (Authorization: Bearer <VGRAF_API_TOKEN>)",
            headers={"WWW-Authenticate": "Bearer"},
        )


StateDep = Annotated[ServerState, Depends(get_state)]
BackendDep = Annotated[Backend, Depends(get_backend)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
WriterDep = Annotated[None, Depends(require_writer)]
