"""One lock around rdflib's SPARQL parser.

rdflib parses SPARQL with pyparsing, which is not thread-safe: two threads
parsing at once can corrupt its parse actions for the rest of the process
(pyparsing/pyparsing#89; every later parse then fails). The API answers in
threads, so every parse in vgraf holds this lock; evaluating a parsed query
does not.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.sparql import Query

PARSER_LOCK = threading.Lock()


def prepare_query(text: str, namespaces: Mapping[str, str] | None = None) -> Query:
    """``text`` parsed and translated to SPARQL algebra (``namespaces`` as extra prefixes)."""
    with PARSER_LOCK:
        return prepareQuery(text, initNs=dict(namespaces or {}))


def parse_query(text: str):  # noqa: ANN201 - pyparsing's ParseResults
    """The parse tree of a SPARQL query (pyparsing's ParseException if it is not one)."""
    with PARSER_LOCK:
        return parseQuery(text)


def parse_update(text: str):  # noqa: ANN201 - pyparsing's ParseResults
    """The parse tree of a SPARQL update (pyparsing's ParseException if it is not one)."""
    with PARSER_LOCK:
        return parseUpdate(text)
