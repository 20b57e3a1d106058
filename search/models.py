"""Typed models of the search stage: passages, filters, results."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Occurrence(_Model):
    """Where a passage's text stands: one node of one document."""

    node: str
    unit: str
    document: str
    year: int
    kind: str
    level: str | None = Field(None, description="goal level of the goal the text belongs to, if any")
    author: str = Field(description='"unit" for the unit\'s own words, "namnd" for text every unit repeats')
    lines: tuple[int, int]


class Passage(_Model):
    """A piece of text sized for the embedding model, indexed once however often it recurs."""

    id: str
    text: str
    context: str = Field(description="what the text is about: the goal and field, activity or section heading")
    kind: str = Field(description="goal, field, activity, analysis, indicator or section")
    themes: tuple[str, ...] = ()
    occurrences: tuple[Occurrence, ...]

    @property
    def primary(self) -> Occurrence:
        """The first occurrence (documents sorted by id)."""
        return self.occurrences[0]

    def embedding_text(self) -> str:
        """What the dense model reads: the context, then the text."""
        return f"{self.context}: {self.text}" if self.context else self.text


class SearchFilters(_Model):
    """Restrictions on which passages may answer."""

    unit: str | None = None
    year: int | None = None
    kind: str | None = Field(None, description='document kind: "verksamhetsplan" or "verksamhetsberattelse"')
    level: str | None = None
    theme: str | None = None
    unit_written_only: bool = False
    units: tuple[str, ...] = Field((), description="only these units (exact names); a chat follow-up's earlier answer")


class SearchHit(_Model):
    """One passage in the results, in the JSON shape `vgraf search --json` prints."""

    passage_id: str
    node: str
    text: str
    unit: str
    document: str
    year: int
    kind: str
    level: str | None
    themes: tuple[str, ...]
    score: float
    lines: tuple[int, int]
    author: str
    documents: tuple[str, ...] = Field(description="every document the same text stands in")
    quote: str = Field("", description="the sentence of the passage that best matches the query")


class UnitHit(_Model):
    """A unit ranked by its evidence, with its best passages."""

    unit: str
    score: float
    evidence: tuple[str, ...]
    best: SearchHit | None = Field(None, description="the unit's best passage, where the unit says it")


class SearchResponse(_Model):
    """Results of one search."""

    query: str
    mode: str
    results: tuple[SearchHit, ...]
    units: tuple[UnitHit, ...]
