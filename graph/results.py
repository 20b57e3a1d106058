"""SPARQL 1.1 Protocol results: the query form, content negotiation and serialisation.

SELECT and ASK answer as SPARQL Results JSON, XML, CSV or TSV; CONSTRUCT and
DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML. The client chooses with the
``Accept`` header (q-values honoured) or a ``format`` parameter (what
SPARQLWrapper and many browser editors send); JSON and Turtle are the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyparsing import ParseException
from rdflib.query import Result
from rdflib.term import BNode, Literal, Node, URIRef

from graph.build import bind_prefixes
from graph.errors import NotAcceptableError, QueryError, ResultTooLargeError, UpdateRefusedError
from graph.parsing import parse_query, parse_update

_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True)
class ResultFormat:
    """One way to write a result: its media type, rdflib's name for it, and short names."""

    media_type: str
    rdflib_name: str
    names: tuple[str, ...]


BINDINGS_FORMATS = (
    ResultFormat("application/sparql-results+json", "json", ("json", "application/json")),
    ResultFormat("application/sparql-results+xml", "xml", ("xml", "application/xml", "text/xml")),
    ResultFormat("text/csv", "csv", ("csv",)),
    ResultFormat("text/tab-separated-values", "tsv", ("tsv",)),
)
GRAPH_FORMATS = (
    ResultFormat("text/turtle", "turtle", ("turtle", "ttl", "n3", "text/n3", "application/x-turtle")),
    ResultFormat("application/n-triples", "nt", ("nt", "ntriples", "n-triples", "text/plain")),
    ResultFormat("application/ld+json", "json-ld", ("json-ld", "jsonld", "json", "application/json")),
    ResultFormat("application/rdf+xml", "pretty-xml", ("rdf+xml", "rdfxml", "xml", "application/xml", "text/xml")),
)


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; UpdateRefusedError for an update, QueryError if malformed."""
    try:
        parsed = parse_query(text)
    except ParseException as error:
        try:
            parse_update(text)
        except ParseException:
            raise QueryError(f"malformed SPARQL query: {error}") from error
        raise UpdateRefusedError("this endpoint is read-only: SPARQL updates are refused") from error
    except Exception as error:  # rdflib raises plain exceptions for some inputs (e.g. bad prefixes)
        raise QueryError(f"malformed SPARQL query: {error}") from error
    return _FORMS[parsed[1].name]


def accepted_media_ranges(accept: str) -> list[tuple[str, float]]:
    """Media ranges of an Accept header with their q-values, best first (stable for ties)."""
    ranges = []
    for part in accept.split(","):
        fields = [field.strip() for field in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality))
    return sorted(ranges, key=lambda item: -item[1])


def negotiate(form: str, accept: str | None = None, fmt: str | None = None) -> ResultFormat:
    """The result format for a query of ``form``: ``fmt`` if given, else the best match for ``accept``."""
    candidates = GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else BINDINGS_FORMATS
    if form == "ASK":  # CSV and TSV are defined for SELECT only
        candidates = candidates[:2]
    if fmt:
        wanted = fmt.strip().lower()
        for candidate in candidates:
            if wanted == candidate.media_type or wanted in candidate.names:
                return candidate
        names = ", ".join(candidate.names[0] for candidate in candidates)
        raise NotAcceptableError(f"format '{fmt}' is not available for {form} queries; choose one of {names}")
    if not accept:
        return candidates[0]
    for media_range, quality in accepted_media_ranges(accept):
        if quality <= 0:
            continue
        if media_range == "*/*":
            return candidates[0]
        for candidate in candidates:
            if media_range == candidate.media_type or media_range in candidate.names:
                return candidate
            if media_range.endswith("/*") and candidate.media_type.startswith(media_range[:-1]):
                return candidate
    offered = ", ".join(candidate.media_type for candidate in candidates)
    raise NotAcceptableError(f"cannot answer {form} queries as '{accept}'; available: {offered}")


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, BNode, Literal)):
        return term.n3()
    return str(term)


def _tsv(result: Result) -> bytes:
    names = [str(var) for var in result.vars or []]
    lines = ["\t".join(f"?{name}" for name in names)]
    lines.extend("\t".join(_tsv_term(row[i]) for i in range(len(names))) for row in result)
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize(result: Result, fmt: ResultFormat, max_rows: int | None = None) -> bytes:
    """Write ``result`` in ``fmt``; ResultTooLargeError when it has more than ``max_rows`` rows or triples."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        size = len(result.graph)
        if max_rows is not None and size > max_rows:
            raise ResultTooLargeError(f"the result has {size} triples, more than the limit of {max_rows}")
        bind_prefixes(result.graph)
        return result.graph.serialize(format=fmt.rdflib_name, encoding="utf-8")
    if result.type == "SELECT" and max_rows is not None and len(result) > max_rows:
        raise ResultTooLargeError(
            f"the result has {len(result)} rows, more than the limit of {max_rows}; add a LIMIT to the query"
        )
    if fmt.rdflib_name == "tsv":
        return _tsv(result)
    return result.serialize(format=fmt.rdflib_name) or b""
