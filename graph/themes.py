"""Theme tagging: Swedish lexical matching against the SKOS labels in ontology/themes.ttl.

Text and labels are compared as Snowball Swedish stems (PyStemmer), so
"måltidsombuden" meets the label "måltidsombud". Swedish writes compounds as one
word, so a label of five letters or more also matches as the first part of a
longer word ("demensombud" → demens) and one of six or more as the last part
("webbutbildning" → utbildning). Where several labels match the same word, the
longest wins ("kontinuitetsplan" is Beredskap, not Kontinuitet). Every match keeps
the words as the unit wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from ontology import THEMES_FILE

_PREFIX_MIN = 5
_SUFFIX_MIN = 6


@dataclass(frozen=True)
class Theme:
    """A SKOS concept with its Swedish and English labels."""

    iri: URIRef
    label_sv: str
    label_en: str
    labels: tuple[str, ...]
    broader: tuple[URIRef, ...]
    labels_sv: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The last segment of the IRI, e.g. "mat-och-maltider"."""
        return str(self.iri).rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ThemeHit:
    """One theme found in a text, with the words that matched it (as written)."""

    theme: Theme
    terms: tuple[str, ...]


@dataclass(frozen=True)
class _Label:
    theme: Theme
    stems: tuple[str, ...]
    surface: str  # the label lower-cased; a compound part is compared as written too
    length: int


_PART = re.compile(r"[^\W_]+", re.UNICODE)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of a text with their offsets; "BPSD-registret" gives two words."""
    return [(match.group(), match.start(), match.end()) for match in _PART.finditer(text)]


class ThemeTagger:
    """Finds the themes of a text. Build once with :meth:`from_file`; tagging is pure."""

    def __init__(self, themes: list[Theme]) -> None:
        self.themes = themes
        self._stemmer = Stemmer.Stemmer("swedish")
        self._labels: list[_Label] = []
        for theme in themes:
            for label in theme.labels:
                words = [word.lower() for word, _, _ in _tokens(label)]
                stems = tuple(self._stemmer.stemWords(words))
                if stems:
                    self._labels.append(_Label(theme, stems, " ".join(words), len(" ".join(words))))
        self._single = [label for label in self._labels if len(label.stems) == 1]
        self._multi = [label for label in self._labels if len(label.stems) > 1]
        self._multi_by_first: dict[str, list[_Label]] = {}
        for label in sorted(self._multi, key=lambda item: -item.length):
            self._multi_by_first.setdefault(label.stems[0], []).append(label)
        self._index_single_words()

    @classmethod
    def from_file(cls, path: Path = THEMES_FILE) -> ThemeTagger:
        """Read the concept scheme (Swedish labels are matched; English ones too, for English text)."""
        graph = Graph()
        graph.parse(path, format="turtle")
        themes = []
        for concept in sorted(
            set(graph.subjects(SKOS.prefLabel, None)) - set(graph.subjects(SKOS.hasTopConcept, None))
        ):
            labels = {str(o): o.language for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(concept, p)}
            pref = {o.language: str(o) for o in graph.objects(concept, SKOS.prefLabel)}
            themes.append(
                Theme(
                    iri=URIRef(concept),
                    label_sv=pref.get("sv", ""),
                    label_en=pref.get("en", ""),
                    labels=tuple(sorted(labels)),
                    broader=tuple(sorted(URIRef(b) for b in graph.objects(concept, SKOS.broader))),
                    labels_sv=tuple(sorted(label for label, language in labels.items() if language == "sv")),
                )
            )
        return cls(themes)

    def theme(self, slug_or_iri: str) -> Theme:
        """The theme with this slug or IRI (KeyError if unknown)."""
        for theme in self.themes:
            if slug_or_iri in (theme.slug, str(theme.iri)):
                return theme
        raise KeyError(slug_or_iri)

    def _index_single_words(self) -> None:
        """Look-up tables so a word is matched in time proportional to its length."""
        self._by_stem: dict[str, list[_Label]] = {}
        self._by_prefix: dict[str, list[_Label]] = {}
        self._by_suffix: dict[str, list[_Label]] = {}
        for label in self._single:
            (stem,) = label.stems
            self._by_stem.setdefault(stem, []).append(label)
            for form in {label.surface, stem}:
                if len(form) >= _PREFIX_MIN:
                    self._by_prefix.setdefault(form, []).append(label)
            if len(label.surface) >= _SUFFIX_MIN:
                for form in {label.surface, stem}:
                    self._by_suffix.setdefault(form, []).append(label)
        self._word_cache: dict[tuple[str, str], tuple[_Label, ...]] = {}

    def _single_word_matches(self, word: str, stem: str) -> tuple[_Label, ...]:
        key = (word.lower(), stem)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        lowered = key[0]
        found: dict[int, _Label] = {id(label): label for label in self._by_stem.get(stem, [])}
        for size in range(_PREFIX_MIN, len(lowered) + 1):
            for label in self._by_prefix.get(lowered[:size], []):
                found[id(label)] = label
        for candidate in (lowered, stem):
            for size in range(_SUFFIX_MIN, len(candidate) + 1):
                for label in self._by_suffix.get(candidate[-size:], []):
                    found[id(label)] = label
        result = tuple(found.values())
        self._word_cache[key] = result
        return result

    def tag(self, text: str) -> list[ThemeHit]:
        """Themes of ``text``, each with the matched words, sorted by theme IRI."""
        tokens = _tokens(text)
        words = [word for word, _, _ in tokens]
        stems = self._stemmer.stemWords([w.lower() for w in words])
        terms: dict[URIRef, list[str]] = {}
        themes: dict[URIRef, Theme] = {}
        covered: set[int] = set()
        start = 0
        while start < len(stems):
            # the longest multi-word label starting here ("minska användningen av plast")
            for label in self._multi_by_first.get(stems[start], ()):
                size = len(label.stems)
                if tuple(stems[start : start + size]) == label.stems:
                    covered.update(range(start, start + size))
                    themes[label.theme.iri] = label.theme
                    span = text[tokens[start][1] : tokens[start + size - 1][2]]
                    terms.setdefault(label.theme.iri, []).append(span)
                    start += size - 1
                    break
            start += 1
        for index, (word, stem) in enumerate(zip(words, stems)):
            if index in covered:
                continue
            matches = self._single_word_matches(word, stem)
            if not matches:
                continue
            longest = max(label.length for label in matches)
            for label in matches:
                if label.length == longest:
                    themes[label.theme.iri] = label.theme
                    terms.setdefault(label.theme.iri, []).append(word)
        return [
            ThemeHit(themes[iri], tuple(dict.fromkeys(found)))
            for iri, found in sorted(terms.items(), key=lambda item: str(item[0]))
        ]


@cache
def default_tagger() -> ThemeTagger:
    """The tagger for the shipped themes.ttl, built once per process."""
    return ThemeTagger.from_file()


def tag_all(texts: Iterable[str]) -> list[ThemeHit]:
    """Themes of several texts taken together."""
    return default_tagger().tag("\n".join(texts))
