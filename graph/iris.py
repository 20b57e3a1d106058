"""Deterministic IRIs under a configurable base: the same input gives the same IRIs.

Shared things (units, goals, indicators) are named by what identifies them across
documents; what a document says is named under the document's IRI.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from ingest.models import GoalLevel
from ingest.pipeline import slug

DEFAULT_BASE = "https://w3id.org/vgraf/id/"


def identity_text(text: str) -> str:
    """The form of a title that decides identity: case, spacing and a final full stop ignored."""
    return " ".join(text.casefold().split()).rstrip(".")


def _short_hash(*parts: str) -> str:
    return hashlib.sha1("\u241f".join(parts).encode("utf-8")).hexdigest()[:8]


class Iris:
    """Mints the graph's IRIs under ``base`` (which must end in '/' or '#')."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def city(self) -> URIRef:
        """Stockholms stad."""
        return self._iri("org/stockholms-stad")

    def organisation(self, name: str) -> URIRef:
        """A committee such as Hägersten-Älvsjö stadsdelsnämnd."""
        return self._iri(f"org/{slug(name)}")

    def unit(self, name: str) -> URIRef:
        """A unit, identified by its name."""
        return self._iri(f"unit/{slug(name)}")

    def document(self, doc_id: str) -> URIRef:
        """A VP or VB."""
        return self._iri(f"document/{doc_id}")

    def in_document(self, node_id: str) -> URIRef:
        """Something a document says: "vp-2022-…/goal-5", "…/activity-3" (ids from ingest)."""
        return self._iri(f"document/{node_id}")

    def goal(self, level: GoalLevel, number: str | None, title: str, unit: str | None) -> URIRef:
        """A goal shared by every document that states it.

        KF goals and nämndmål are identified by level, number and wording (the
        wording changes between mandate periods, giving a new node); a unit goal
        also by its unit.
        """
        key = identity_text(title)
        scope = slug(unit) + "/" if level is GoalLevel.ENHETSMAL and unit else ""
        readable = slug(f"{number or ''} {title}")[:60].strip("-")
        digest = _short_hash(level.value, number or "", key, scope)
        return self._iri(f"goal/{level.value}/{scope}{readable}-{digest}")

    def indicator(self, name: str) -> URIRef:
        """An indicator shared by every document that reports it."""
        return self._iri(f"indicator/{slug(name)[:60].strip('-')}-{_short_hash(identity_text(name))}")
