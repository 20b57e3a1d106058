"""Answers built only from retrieved evidence and the graph, each statement citing its source.

No language model is needed: the question's shape (search.chat.intents) picks
where the answer comes from, and the answer lists what was found with a quoted
sentence and a [n] reference to a citation (unit, document, year, lines, node).
A follow-up such as "Och vilka av dem …?" is answered among the units the
previous answer named.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rdflib import URIRef

from graph.browse import ActivityEntry, GraphBrowser, IndicatorEntry
from search.chat.generative import GenerativeWriter
from search.chat.intents import Intent, Question, classify
from search.chat.language import detect_language
from search.chat.models import ChatAnswer, ChatMessage, Citation
from search.chat.phrases import PHRASES, join_names
from search.errors import ChatError, SearchError
from search.models import Occurrence, SearchFilters, SearchHit
from search.passages import SENTENCE_END
from search.searcher import Searcher

_QUOTE_CHARS = 300
_MAX_LISTED = 6  # activities or indicators listed
_MAX_QUOTED = 10  # units or goals listed with a quote; the rest are named
_MAX_NAMED = 30
_WHOLE_PASSAGE_WORDS = 25
_GENERIC_SHARE = 0.3  # a word in more than this share of passages says too little to pick units by
_MAX_FOLLOW_UP_DEPTH = 4
# words that frame a question rather than name its subject ("hur hög är …", "vilka aktiviteter finns …")
_FRAME_WORDS = frozenset(
    "hög högt stor stort många mycket finns fanns aktivitet aktiviteter aktiviteterna indikator indikatorer "
    "indikatorn utfall utfallet mål målen enhetsmål nämndmål uppfylldes uppfylls delvis helt bara år "
    "high much many activities activity indicators indicator outcome goals goal met partly fully only year".split()
)
_TOPIC = re.compile(r"\b(?:med|mot|kring|om|on|against|with|about|for)\s+(.+?)[?.!\s]*$", re.IGNORECASE)


@dataclass
class _Draft:
    """An answer being written: its lines and the citations they refer to."""

    language: str
    intent: Intent
    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    units: list[str] = field(default_factory=list)

    def cite(self, citation: Citation) -> str:
        """The [n] marker of ``citation`` (added once)."""
        if citation not in self.citations:
            self.citations.append(citation)
        return f"[{self.citations.index(citation) + 1}]"

    def quoted(self, text: str) -> str:
        """``text`` in the language's quotation marks (”…” in Swedish, “…” in English)."""
        return f"”{text}”" if self.language == "sv" else f"“{text}”"

    def finish(self) -> ChatAnswer:
        return ChatAnswer(
            answer="\n".join(self.lines),
            citations=tuple(self.citations),
            language=self.language,
            intent=self.intent.value,
            units=tuple(self.units),
        )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1].rstrip() + "…"


def _citation(where: Occurrence | SearchHit, quote: str) -> Citation:
    return Citation(
        unit=where.unit,
        document=where.document,
        year=where.year,
        lines=where.lines,
        node=where.node,
        quote=_short(quote),
    )


class ChatAnswerer:
    """Answers questions over one searcher and the graph it was built from."""

    def __init__(self, searcher: Searcher, browser: GraphBrowser, writer: GenerativeWriter | None = None) -> None:
        self.searcher = searcher
        self.browser = browser
        self.writer = writer
        self._postings: dict[str, list[int]] | None = None
        self._unit_names = [unit.label for unit in browser.units()]

    # -- entry point ------------------------------------------------------------------------------
    def answer(self, messages: list[ChatMessage]) -> ChatAnswer:
        """The answer to the last message, which must be the user's."""
        if not messages:
            raise ChatError("the conversation is empty; send at least one user message")
        if messages[-1].role != "user":
            raise ChatError("the last message must be the user's question")
        draft = self._answer(messages, depth=0)
        if self.writer is None:
            return draft
        try:
            text = self.writer.write(messages[-1].content, draft)
        except ChatError as error:
            return draft.model_copy(update={"notice": str(error)})
        return draft.model_copy(update={"answer": text, "mode": "generative"})

    def _answer(self, messages: list[ChatMessage], depth: int) -> ChatAnswer:
        text = messages[-1].content.strip()
        if not text:
            raise ChatError("the question is empty")
        question = classify(text)
        language = detect_language(text)
        among: tuple[str, ...] = ()
        if question.follow_up and depth < _MAX_FOLLOW_UP_DEPTH:
            earlier = [i for i, message in enumerate(messages[:-1]) if message.role == "user"]
            if earlier:
                among = self._answer(messages[: earlier[-1] + 1], depth + 1).units
        draft = _Draft(language, question.intent)
        handler = {
            Intent.UNITS: self._units,
            Intent.ACTIVITIES: self._activities,
            Intent.INDICATORS: self._indicators,
            Intent.GOAL_STATUS: self._goal_status,
            Intent.EVIDENCE: self._evidence,
        }[question.intent]
        handler(question, draft, among)
        return draft.finish()

    # -- helpers ----------------------------------------------------------------------------------
    def _phrase(self, draft: _Draft, key: str, **values) -> str:
        template = PHRASES[draft.language][key]
        return template.format(**values) if values else template

    def _mentioned_units(self, text: str) -> tuple[str, ...]:
        """Units the question names ("Älvsjö servicehus", "hemtjänsten", "Fruängsgården")."""
        lowered = text.casefold()
        found = []
        for name in self._unit_names:
            words = re.findall(r"[^\W\d_][\w-]*", name.casefold())
            keys = {words[0].rstrip("s")} | ({words[-1]} if len(words) > 1 else set())
            if name.casefold() in lowered or any(
                len(key) >= 6 and re.search(rf"(?<![\w-]){re.escape(key)}", lowered) for key in keys
            ):
                found.append(name)
        return tuple(found)

    def _filters(self, question: Question, among: tuple[str, ...], **extra) -> SearchFilters:
        units = among or self._mentioned_units(question.text)
        return SearchFilters(year=question.year, units=units, **extra)

    def _postings_of(self, term: str) -> list[int]:
        if self._postings is None:
            analyzer, postings = self.searcher.lexical.analyzer, defaultdict(list)
            for index, passage in enumerate(self.searcher.passages):
                for each in set(analyzer.terms(f"{passage.context} {passage.text}")):
                    postings[each].append(index)
            self._postings = dict(postings)
        return self._postings.get(term, [])

    def _focus_term(self, text: str) -> frozenset[str] | None:
        """The question's most specific word that the documents use, as its stem forms (None if none)."""
        analyzer = self.searcher.lexical.analyzer
        limit = _GENERIC_SHARE * len(self.searcher.passages)
        named = {word for unit in self._mentioned_units(text) for word in analyzer.words(unit)}
        counted = []
        for word in analyzer.words(text):
            if word.isdigit() or word in _FRAME_WORDS | named:
                continue
            # Snowball leaves some definite forms ("sjukfrånvaron"); the indefinite form counts too
            forms = frozenset([analyzer.stem(word)] + ([analyzer.stem(word[:-1])] if word.endswith(("n", "t")) else []))
            count = len(self._postings_for(forms))
            if 0 < count <= limit:
                counted.append((count, sorted(forms), forms))
        return min(counted)[2] if counted else None

    def _postings_for(self, forms: frozenset[str]) -> list[int]:
        return sorted({index for form in forms for index in self._postings_of(form)})

    def _sentence_with(self, text: str, focus: frozenset[str]) -> str | None:
        analyzer = self.searcher.lexical.analyzer
        return next((s for s in SENTENCE_END.split(text) if focus & set(analyzer.terms(s))), None)

    def _topic(self, question: Question, focus: frozenset[str] | None) -> str:
        match = _TOPIC.search(question.text.strip())
        if match:
            return match.group(1).strip()
        return min(focus) if focus else question.text

    def _ranks(self, text: str) -> dict[int, int]:
        everything = np.ones(len(self.searcher.passages), dtype=bool)
        order, _ = self.searcher.ranking(text, "hybrid", everything)
        return {int(index): rank for rank, index in enumerate(order)}

    # -- "which units …" --------------------------------------------------------------------------
    def _units(self, question: Question, draft: _Draft, among: tuple[str, ...]) -> None:
        focus = self._focus_term(question.text)
        topic = self._topic(question, focus)
        found: list[tuple[str, Citation]] = []
        # the documents are Swedish: an English word they happen to contain ("care" in
        # "Life-care") says little, the theme an English question names says more
        theme_first = draft.language == "en"
        if theme_first:
            found = self._units_by_theme(question, among)
        if not found and focus:
            found = self._units_saying(question, focus, among)
        elif not found and not theme_first:
            found = self._units_by_theme(question, among)
        if among:
            names = join_names(list(among), draft.language)
            if found:
                draft.lines.append(self._phrase(draft, "units_among", among=names, n=len(found), topic=topic))
            else:
                draft.lines.append(self._phrase(draft, "units_none_among", among=names, topic=topic))
        elif found:
            key = "units_intro" if len(found) > 1 else "unit_intro"
            draft.lines.append(self._phrase(draft, key, n=len(found), topic=topic))
        if not found and not among:
            closest = self.searcher.search(question.text, top_k=3, filters=self._filters(question, among)).units
            closest = [unit for unit in closest if unit.best is not None]
            if not closest:
                draft.lines.append(self._phrase(draft, "units_none", topic=topic))
                return
            draft.lines.append(self._phrase(draft, "units_closest"))
            # closest matches are listed, but are not an answer a follow-up should narrow down to
            self._list_units(draft, [(unit.unit, _citation(unit.best, unit.best.quote)) for unit in closest])
            return
        self._list_units(draft, found)
        draft.units = [unit for unit, _ in found]
        rest = [unit for unit in among if unit not in draft.units]
        if found and rest:
            draft.lines.append(self._phrase(draft, "units_rest", rest=join_names(rest, draft.language)))

    def _list_units(self, draft: _Draft, found: list[tuple[str, Citation]]) -> None:
        for rank, (unit, citation) in enumerate(found[:_MAX_QUOTED], start=1):
            quote = draft.quoted(citation.quote)
            draft.lines.append(f"{rank}. {unit} ({citation.year}): {quote} {draft.cite(citation)}")
        self._more(draft, [unit for unit, _ in found[_MAX_QUOTED:]])

    def _more(self, draft: _Draft, names: list[str]) -> None:
        """One line naming what did not fit in the list (a city-wide corpus has hundreds of units)."""
        if not names:
            return
        shown = ", ".join(names[:_MAX_NAMED]) + (" …" if len(names) > _MAX_NAMED else "")
        draft.lines.append(self._phrase(draft, "more", n=len(names), names=shown))

    def _units_saying(
        self, question: Question, focus: frozenset[str], among: tuple[str, ...]
    ) -> list[tuple[str, Citation]]:
        """Units whose own text uses the focus word, each with its best-ranked passage saying it."""
        ranks = self._ranks(question.text)
        best: dict[str, tuple[int, int, Occurrence]] = {}
        for index in self._postings_for(focus):
            for occurrence in self.searcher.passages[index].occurrences:
                if occurrence.author != "unit" or (among and occurrence.unit not in among):
                    continue
                if question.year is not None and occurrence.year != question.year:
                    continue
                rank = ranks.get(index, len(ranks) + index)
                if occurrence.unit not in best or rank < best[occurrence.unit][0]:
                    best[occurrence.unit] = (rank, index, occurrence)
        found = []
        for unit, (_, index, occurrence) in sorted(best.items(), key=lambda item: item[1][0]):
            passage = self.searcher.passages[index]
            quote = self._sentence_with(passage.text, focus) or passage.context or passage.text
            found.append((unit, _citation(occurrence, quote)))
        return found

    def _units_by_theme(self, question: Question, among: tuple[str, ...]) -> list[tuple[str, Citation]]:
        """Units whose own text concerns a theme the question names (e.g. "palliative care")."""
        hits = self.searcher.tagger.tag(question.text)
        if not hits:
            return []
        filters = self._filters(question, among, theme=hits[0].theme.slug, unit_written_only=True)
        try:
            response = self.searcher.search(question.text, top_k=10, filters=filters)
        except SearchError:
            return []
        return [(unit.unit, _citation(unit.best, unit.best.quote)) for unit in response.units if unit.best]

    # -- "which activities …" ---------------------------------------------------------------------
    def _hits_of_kind(self, question: Question, among: tuple[str, ...], kind: str) -> tuple[list[SearchHit], bool]:
        """The best passages of ``kind``, and whether they use the question's focus word (if it has one)."""
        response = self.searcher.search(question.text, top_k=60, filters=self._filters(question, among))
        hits = [hit for hit in response.results if self.searcher.passage(hit.passage_id).kind == kind]
        focus = self._focus_term(question.text)
        if focus:
            analyzer = self.searcher.lexical.analyzer
            saying = [hit for hit in hits if focus & set(analyzer.terms(hit.text))]
            if saying:
                return saying[:_MAX_LISTED], True
        return hits[:_MAX_LISTED], focus is None

    def _listing(self, question: Question, draft: _Draft, among: tuple[str, ...], kind: str) -> None:
        """Activities or indicators: the best passages of that kind, read back from the graph, one line each."""
        hits, exact = self._hits_of_kind(question, among, kind)
        plural = {"activity": "activities", "indicator": "indicators"}[kind]
        lookup = self.browser.activities if kind == "activity" else self.browser.indicators
        entries = [entry for hit in hits for entry in lookup(node=URIRef(hit.node))]
        if not entries:
            draft.lines.append(self._phrase(draft, f"{plural}_none"))
            return
        draft.lines.append(self._phrase(draft, f"{plural}_intro" if exact else f"{plural}_closest"))
        describe = self._activity_line if kind == "activity" else self._indicator_line
        for rank, entry in enumerate(entries, start=1):
            text, quote = describe(entry, draft)
            draft.lines.append(f"{rank}. {text} {draft.cite(_citation(entry, quote))}")
        draft.units = list(dict.fromkeys(entry.unit for entry in entries))

    def _activities(self, question: Question, draft: _Draft, among: tuple[str, ...]) -> None:
        self._listing(question, draft, among, "activity")

    def _activity_line(self, entry: ActivityEntry, draft: _Draft) -> tuple[str, str]:
        dates = f"; {entry.start or '?'} – {entry.end or '?'}" if entry.start or entry.end else ""
        values = {
            "title": entry.title,
            "unit": entry.unit,
            "year": entry.year,
            "dates": dates,
            "goal": draft.quoted(entry.goal_title),
        }
        return self._phrase(draft, "activity_line", **values), entry.title

    # -- indicator questions ----------------------------------------------------------------------
    def _values(self, entry: IndicatorEntry, draft: _Draft) -> str:
        phrases = PHRASES[draft.language]
        parts = []
        for measure in ("outcome", "previousOutcome", "target", "kfTarget"):
            values = [value for value in entry.values if value.measure == measure]
            if not values:
                continue
            total = [value for value in values if value.sex == "total"]
            split = [value for value in values if value.sex != "total"]
            text = f"{phrases['measures'][measure]} {values[0].period}: "
            text += total[0].value if total else ""
            if split:
                by_sex = ", ".join(f"{phrases['sexes'][value.sex]} {value.value}" for value in split)
                text += f" ({by_sex})" if total else by_sex
            parts.append(text)
        return "; ".join(parts) or phrases["no_values"]

    def _indicators(self, question: Question, draft: _Draft, among: tuple[str, ...]) -> None:
        self._listing(question, draft, among, "indicator")

    def _indicator_line(self, entry: IndicatorEntry, draft: _Draft) -> tuple[str, str]:
        period = f", {entry.period}" if entry.period else ""
        return f"{entry.name} — {entry.unit}, {entry.year}{period}: {self._values(entry, draft)}", entry.name

    # -- "which goals were (partly) met …" --------------------------------------------------------
    def _goal_status(self, question: Question, draft: _Draft, among: tuple[str, ...]) -> None:
        phrases = PHRASES[draft.language]
        status = question.status or "helt"
        units = among or self._mentioned_units(question.text)
        assessed = [
            entry
            for entry in self.browser.goal_statements(status=status)
            if (question.level is None or entry.level == question.level) and (not units or entry.unit in units)
        ]
        matching = [entry for entry in assessed if question.year is None or entry.year == question.year]
        level = phrases["levels"].get(question.level or "", phrases["goals"])
        year = self._phrase(draft, "in_year", year=question.year) if question.year else ""
        status_text = phrases["statuses"][status]
        if not matching:
            draft.lines.append(self._phrase(draft, "goals_none", level=level, status=status_text, year=year))
            elsewhere = sorted({(entry.year, entry.unit) for entry in assessed})
            if elsewhere:
                where = join_names([f"{y} ({unit})" for y, unit in elsewhere], draft.language)
                draft.lines.append(self._phrase(draft, "goals_elsewhere", status=status_text, where=where))
            else:
                reports = sorted({(doc.year, doc.unit) for doc in self.browser.documents() if "berattelse" in doc.kind})
                where = join_names([f"{y} ({unit})" for y, unit in reports], draft.language)
                if where:
                    draft.lines.append(self._phrase(draft, "goals_reports", where=where))
            return
        draft.lines.append(
            self._phrase(draft, "goals_intro", n=len(matching), level=level, status=status_text, year=year)
        )
        for rank, entry in enumerate(matching[:_MAX_QUOTED], start=1):
            citation = _citation(entry, entry.title)
            draft.lines.append(
                f"{rank}. {entry.unit} ({entry.year}): {draft.quoted(entry.title)} {draft.cite(citation)}"
            )
        self._more(draft, [f"{entry.unit} ({entry.year})" for entry in matching[_MAX_QUOTED:]])
        draft.units = list(dict.fromkeys(entry.unit for entry in matching))

    # -- anything else ----------------------------------------------------------------------------
    def _evidence(self, question: Question, draft: _Draft, among: tuple[str, ...]) -> None:
        response = self.searcher.search(question.text, top_k=5, filters=self._filters(question, among))
        if re.search(r"\b(enhet\w*|units?)\b", question.text, re.IGNORECASE):
            # "what do the units do …": the units' own words before the nämnd text they all repeat
            own = self._filters(question, among, unit_written_only=True)
            response = self.searcher.search(question.text, top_k=5, filters=own) or response
        if not response.results:
            draft.lines.append(self._phrase(draft, "evidence_none"))
            return
        draft.lines.append(self._phrase(draft, "evidence_intro"))
        for rank, hit in enumerate(response.results, start=1):
            # a short passage (a list item, a heading) says more whole than as its best sentence
            short = len(hit.text.split()) <= _WHOLE_PASSAGE_WORDS
            citation = _citation(hit, hit.text if short or not hit.quote else hit.quote)
            draft.lines.append(
                f"{rank}. {hit.unit} ({hit.year}): {draft.quoted(citation.quote)} {draft.cite(citation)}"
            )
        draft.units = list(dict.fromkeys(hit.unit for hit in response.results))
