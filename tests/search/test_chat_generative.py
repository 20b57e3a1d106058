"""The optional generative chat mode, against a local OpenAI-compatible stub server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from graph.browse import GraphBrowser
from graph.stores import create_store
from search.chat import ChatAnswerer, ChatMessage
from search.chat.generative import GenerativeWriter

QUESTION = [ChatMessage(role="user", content="Vilka enheter arbetar med måltidsombud?")]


class _Stub(BaseHTTPRequestHandler):
    reply: str | None = "Hemtjänsten och Älvsjö servicehus har måltidsombud [1] [2] [9]."
    requests: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        type(self).requests.append({"path": self.path, "auth": self.headers.get("authorization"), "body": body})
        if self.reply is None:
            self.send_response(500)
            self.end_headers()
            return
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": self.reply}}]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture
def stub():
    server = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Stub.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", _Stub
    server.shutdown()


@pytest.fixture(scope="module")
def browser(graph):
    store = create_store("memory")
    store.load(graph)
    return GraphBrowser(store)


def test_generative_answer_keeps_the_citations(stub, searcher, browser, monkeypatch):
    url, handler = stub
    monkeypatch.setattr(handler, "reply", "Hemtjänsten och Älvsjö servicehus har måltidsombud [1] [2] [9].")
    rules = ChatAnswerer(searcher, browser).answer(QUESTION)
    generative = ChatAnswerer(searcher, browser, GenerativeWriter(url, "stub-model", "secret")).answer(QUESTION)
    assert generative.mode == "generative"
    assert generative.answer == "Hemtjänsten och Älvsjö servicehus har måltidsombud [1] [2] ."
    assert generative.citations == rules.citations and len(rules.citations) == 2
    (request,) = handler.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer secret"
    assert request["body"]["model"] == "stub-model"
    prompt = request["body"]["messages"][1]["content"]
    assert "[1] Hägersten-Älvsjös hemtjänst, vp-2025-hagersten-alvsjos-hemtjanst, lines 124–143" in prompt


def test_an_answer_without_markers_gets_the_citations_listed(stub, searcher, browser, monkeypatch):
    url, handler = stub
    monkeypatch.setattr(handler, "reply", "Två enheter har måltidsombud.")
    answer = ChatAnswerer(searcher, browser, GenerativeWriter(url, "m")).answer(QUESTION)
    assert answer.answer == "Två enheter har måltidsombud.\n[1] [2]"


def test_a_failing_endpoint_falls_back_to_the_rule_based_answer(stub, searcher, browser, monkeypatch):
    url, handler = stub
    monkeypatch.setattr(handler, "reply", None)
    answer = ChatAnswerer(searcher, browser, GenerativeWriter(url, "m")).answer(QUESTION)
    assert answer.mode == "rules"
    assert answer.answer.startswith("2 enheter skriver i sin egen text att de arbetar med måltidsombud:")
    assert "500" in answer.notice and "the rule-based answer is given" in answer.notice
