"""Swedish lexical analysis: words, stop words, Snowball stems and compound parts.

Swedish writes compounds as one word, so "ombud" must reach "måltidsombud" and
"måltider" must reach "måltidsobservationer". A word is split where both sides
(allowing the linking "s") are words the corpus itself uses, and the stems of
its parts are indexed beside the stem of the whole word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import Stemmer

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MIN_PART = 4
# Snowball's Swedish stop words, plus the frame of the questions people ask
# ("vilka enheter arbetar med …", "which units work on …").
STOP_WORDS = frozenset(
    """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du
    henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp
    vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna
    själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken
    er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina
    vars vårt våra ert era vilkas
    enhet enheter enheterna enheten arbetar arbeta jobbar gör göra
    the a an of and or to in on for with what which who how do does did is are was were units unit work works
    """.split()
)


class SwedishAnalyzer:
    """Turns text into index terms; ``vocabulary`` (words the corpus uses) enables compound splitting."""

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self._stemmer = Stemmer.Stemmer("swedish")
        self.vocabulary = frozenset(vocabulary)
        self._stem_cache: dict[str, str] = {}

    def words(self, text: str) -> list[str]:
        """Lower-cased words without stop words."""
        return [word for word in (m.group().lower() for m in _WORD.finditer(text)) if word not in STOP_WORDS]

    def stem(self, word: str) -> str:
        """The Snowball Swedish stem of one lower-case word."""
        stem = self._stem_cache.get(word)
        if stem is None:
            stem = self._stem_cache[word] = self._stemmer.stemWord(word)
        return stem

    def compound_parts(self, word: str) -> list[str]:
        """The two parts of a compound the corpus vocabulary confirms ("måltidsombud" → måltid, ombud)."""
        if len(word) < 2 * _MIN_PART or not self.vocabulary:
            return []
        for split in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            head, tail = word[:split], word[split:]
            if tail not in self.vocabulary and self.stem(tail) not in self.vocabulary:
                continue
            for modifier in (head, head[:-1] if head.endswith("s") else None):
                if (
                    modifier
                    and len(modifier) >= _MIN_PART
                    and (modifier in self.vocabulary or self.stem(modifier) in self.vocabulary)
                ):
                    return [modifier, tail]
        return []

    def terms(self, text: str) -> list[str]:
        """Index terms: the stem of every word plus the stems of its compound parts."""
        terms: list[str] = []
        for word in self.words(text):
            terms.append(self.stem(word))
            terms.extend(self.stem(part) for part in self.compound_parts(word))
        return terms


def corpus_vocabulary(texts: Iterable[str]) -> set[str]:
    """Words (and their stems) that stand on their own in the texts: the parts compounds may split into."""
    stemmer = Stemmer.Stemmer("swedish")
    words = {m.group().lower() for text in texts for m in _WORD.finditer(text)}
    words = {word for word in words if len(word) >= _MIN_PART and not word.isdigit()}
    return words | set(stemmer.stemWords(sorted(words)))
