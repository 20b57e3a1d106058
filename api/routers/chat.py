"""/chat: questions in Swedish or English answered from the evidence, with citations; SSE on request."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from api.deps import StateDep
from search.chat import ChatAnswer, ChatMessage

router = APIRouter(tags=["chat"])


class ChatRequest(BaseModel):
    """The conversation so far (or only the new message, when ``session`` names a stored one)."""

    messages: list[ChatMessage] = Field(min_length=1, max_length=40)
    session: str | None = Field(None, max_length=64, pattern=r"^[\w-]+$")


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _stream(answer: ChatAnswer) -> Iterator[str]:
    """The answer line by line as ``delta`` events, then the whole answer with citations as ``answer``."""
    for line in answer.answer.splitlines(keepends=True):
        yield _event("delta", {"text": line})
    yield _event("answer", answer.model_dump(mode="json"))


@router.post("/chat", response_model=ChatAnswer, responses={200: {"content": {"text/event-stream": {}}}})
async def chat(body: ChatRequest, request: Request, state: StateDep):  # noqa: ANN201 - JSON or a stream
    """Answer the last user message; ``Accept: text/event-stream`` streams it as Server-Sent Events."""
    backend = state.backend
    session, conversation = state.sessions.history(body.session, body.messages)
    answer = await state.run_cpu(backend.chat.answer, conversation)
    answer = answer.model_copy(update={"session": session})
    state.sessions.save(session, [*conversation, ChatMessage(role="assistant", content=answer.answer)])
    if "text/event-stream" in request.headers.get("accept", ""):
        return StreamingResponse(_stream(answer), media_type="text/event-stream")
    return answer
