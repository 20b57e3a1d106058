"""Conversations kept on the server, so a client may send only its newest message."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict

from search.chat.models import ChatMessage


class SessionStore:
    """The last ``capacity`` conversations in memory, least recently used dropped first."""

    def __init__(self, capacity: int = 1000, max_turns: int = 40) -> None:
        self.capacity, self.max_turns = capacity, max_turns
        self._sessions: OrderedDict[str, list[ChatMessage]] = OrderedDict()
        self._lock = threading.Lock()

    def history(self, session: str | None, messages: list[ChatMessage]) -> tuple[str, list[ChatMessage]]:
        """The session id (a new one if none was given) and the whole conversation with ``messages`` added.

        A client that resends the whole conversation is recognised: messages already
        stored are not added twice.
        """
        with self._lock:
            if session is None:
                session = uuid.uuid4().hex
            stored = list(self._sessions.get(session, []))
        if stored and messages[: len(stored)] == stored:
            conversation = messages
        else:
            conversation = stored + messages
        return session, conversation[-self.max_turns :]

    def save(self, session: str, conversation: list[ChatMessage]) -> None:
        """Remember ``conversation`` (with the answer appended) under ``session``."""
        with self._lock:
            self._sessions[session] = conversation[-self.max_turns :]
            self._sessions.move_to_end(session)
            while len(self._sessions) > self.capacity:
                self._sessions.popitem(last=False)
