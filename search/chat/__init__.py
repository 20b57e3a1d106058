"""Chat-style search: questions answered from retrieved evidence and the graph, with citations."""

from search.chat.answerer import ChatAnswerer
from search.chat.models import ChatAnswer, ChatMessage, Citation
from search.chat.sessions import SessionStore

__all__ = ["ChatAnswer", "ChatAnswerer", "ChatMessage", "Citation", "SessionStore"]
