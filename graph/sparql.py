"""Running SPARQL and writing results as a table, SPARQL 1.1 JSON, CSV or Turtle."""

from __future__ import annotations

from pathlib import Path

from rdflib.query import Result
from rdflib.term import Literal, Node, URIRef

from graph.errors import QueryError
from graph.results import negotiate, serialize

RESULT_FORMATS = ("table", "json", "csv", "turtle")


def read_query(argument: str) -> str:
    """The query text: the argument itself, or the file named by ``@path``."""
    if argument.startswith("@"):
        path = Path(argument[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"cannot read the query file {path}: {error.strerror or error}") from error
    return argument


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        return str(term)
    return term.n3()


def format_result(result: Result, fmt: str) -> str:
    """Serialise ``result``: SELECT/ASK as table, json (SPARQL 1.1 Query Results JSON) or csv;
    CONSTRUCT/DESCRIBE as Turtle (any format other than turtle is refused for graphs)."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown format '{fmt}'; choose one of {', '.join(RESULT_FORMATS)}")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if fmt not in ("turtle", "table"):
            raise QueryError(f"a {result.type} query returns a graph; use --format turtle")
        return serialize(result, negotiate(result.type, fmt="turtle")).decode("utf-8")
    if fmt == "turtle":
        raise QueryError(f"a {result.type} query returns bindings; use --format table, json or csv")
    if fmt in ("json", "csv"):  # the same writers as the HTTP endpoint
        text = serialize(result, negotiate(result.type, fmt=fmt)).decode("utf-8")
        return text.rstrip("\r\n") if fmt == "csv" else text
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names = [str(var) for var in result.vars or []]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]
    lines = [" | ".join(name.ljust(widths[i]) for i, name in enumerate(names))]
    lines.append("-+-".join("-" * width for width in widths))
    lines.extend(" | ".join(value.ljust(widths[i]) for i, value in enumerate(row)) for row in rows)
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)
