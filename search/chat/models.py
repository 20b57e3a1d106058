"""Typed models of a chat exchange."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ChatMessage(BaseModel):
    """One turn of the conversation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(min_length=1, max_length=20_000)


class Citation(BaseModel):
    """Where a statement of the answer comes from; the answer refers to it as [n]."""

    model_config = ConfigDict(frozen=True)

    unit: str
    document: str
    year: int
    lines: tuple[int, int]
    node: str
    quote: str


class ChatAnswer(BaseModel):
    """The answer to the last user message."""

    model_config = ConfigDict(frozen=True)

    answer: str
    citations: tuple[Citation, ...]
    language: Literal["sv", "en"]
    intent: str = Field(description="units, activities, indicators, goal_status or evidence")
    units: tuple[str, ...] = Field((), description="the units the answer names; a follow-up asks among them")
    mode: Literal["rules", "generative"] = "rules"
    notice: str | None = Field(None, description="why the generative mode was not used, when it failed")
    session: str | None = None
