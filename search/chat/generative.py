"""Optional generative mode: an OpenAI-compatible endpoint rewrites the answer from the same evidence.

Off unless a base URL and a model are configured. The model sees only the
question, the rule-based answer and the numbered citations, and must refer to
them as [n]; markers that point at no citation are removed, and if the model
cites nothing the rule-based answer's citations are listed after its text, so
no answer ever loses its sources.
"""

from __future__ import annotations

import re

import httpx

from search.chat.models import ChatAnswer
from search.errors import ChatError

_MARKER = re.compile(r"\[(\d+)\]")
_SYSTEM = {
    "sv": (
        "Du svarar kvalitetsutvecklare i Stockholms stad. Svara på svenska, kort, och bara utifrån de numrerade "
        "källorna nedan. Hänvisa till källorna med [n] efter varje påstående. Hitta inte på något."
    ),
    "en": (
        "You answer quality developers in the City of Stockholm. Answer in English, briefly, and only from the "
        "numbered sources below. Refer to the sources as [n] after each statement. Do not make anything up."
    ),
}


class GenerativeWriter:
    """Writes answers through ``POST {base_url}/chat/completions`` (the OpenAI chat API shape)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 60.0) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.timeout = timeout

    def _prompt(self, question: str, draft: ChatAnswer) -> list[dict[str, str]]:
        sources = "\n".join(
            f"[{n}] {c.unit}, {c.document}, lines {c.lines[0]}–{c.lines[1]}: {c.quote}"
            for n, c in enumerate(draft.citations, start=1)
        )
        user = f"Question: {question}\n\nSources:\n{sources}\n\nAn answer drawn from them:\n{draft.answer}"
        return [{"role": "system", "content": _SYSTEM[draft.language]}, {"role": "user", "content": user}]

    def write(self, question: str, draft: ChatAnswer) -> str:
        """The model's answer, its [n] markers checked against ``draft.citations`` (ChatError on failure)."""
        if not draft.citations:
            return draft.answer  # nothing to write from
        payload = {"model": self.model, "messages": self._prompt(question, draft), "temperature": 0}
        try:
            response = httpx.post(self.url, json=payload, headers=self.headers, timeout=self.timeout)
            response.raise_for_status()
            text = response.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as error:
            raise ChatError(
                f"the language model at {self.url} failed ({error}); the rule-based answer is given"
            ) from error
        if not isinstance(text, str) or not text.strip():
            raise ChatError(f"the language model at {self.url} returned no text; the rule-based answer is given")
        count = len(draft.citations)
        text = _MARKER.sub(lambda m: m.group(0) if 1 <= int(m.group(1)) <= count else "", text).strip()
        if not _MARKER.search(text):
            text += "\n" + " ".join(f"[{n}]" for n in range(1, count + 1))
        return text
