"""The ``vgraf`` command line: a thin layer over the library.

Library errors become one clean line on stderr ("vgraf: FILE: reason") and a
non-zero exit status; set VGRAF_DEBUG=1 to see a traceback for unexpected errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.errors import GraphError
from graph.sparql import RESULT_FORMATS, format_result, read_query
from graph.views import stats_report
from ingest import IngestError, ParsedDocument, ingest_paths
from search.errors import SearchError
from search.models import SearchFilters
from search.searcher import MODES
from vgraf.build import GRAPH_FORMATS, build, open_searcher, open_store
from vgraf.config import get_settings
from vgraf.files import write_atomic


def _document_json(parsed: ParsedDocument) -> dict:
    return parsed.model_dump(mode="json")


def _report_warnings(parsed: ParsedDocument) -> None:
    for warning in parsed.warnings:
        where = f":{warning.lines[0]}" if warning.lines else ""
        click.echo(f"vgraf: {parsed.document.source}{where}: warning: {warning.message}", err=True)


class UserError(click.ClickException):
    """A library error shown as one line, "vgraf: <message>", with exit status 1."""

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"vgraf: {self.message}", err=True)


class VgrafGroup(click.Group):
    """Turns the stages' own exceptions into clean CLI errors for every command."""

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except (IngestError, GraphError, SearchError) as error:
            raise UserError(str(error)) from error


@click.group(cls=VgrafGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vgraf")
def cli() -> None:
    """vgraf: a knowledge graph with semantic search over Stockholm's plans and reports."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed document(s) as JSON.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write one <document id>.json per document into this folder.",
)
def ingest(paths: tuple[Path, ...], as_json: bool, out: Path | None) -> None:
    """Parse VP/VB documents (.txt, .docx, .pdf) or folders of them.

    Prints one line per document, or with --json the document model: one object
    for one file, an array for several. Failing files are reported on stderr and
    the others still parsed; the exit status is non-zero when nothing parsed.
    """
    report = ingest_paths(list(paths))
    for failure in report.failures:
        click.echo(f"vgraf: {failure}", err=True)
    for parsed in report.documents:
        _report_warnings(parsed)
    if out is not None:
        for parsed in report.documents:
            target = out / f"{parsed.document.id}.json"
            write_atomic(target, parsed.to_json())
    if as_json:
        documents = [_document_json(parsed) for parsed in report.documents]
        payload = documents[0] if len(paths) == 1 and len(documents) == 1 and not paths[0].is_dir() else documents
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for parsed in report.documents:
            info = parsed.document
            click.echo(
                f"{info.source}\t{info.id}\t{info.unit}\t{info.year}\t{info.kind.value}\t"
                f"{len(parsed.goals)} goals, {len(parsed.activities)} activities, "
                f"{len(parsed.indicators)} indicators, {len(parsed.sections)} sections, "
                f"{len(parsed.warnings)} warnings"
            )
        if out is not None:
            click.echo(f"wrote {len(report.documents)} documents to {out}", err=True)
    if not report.documents:
        click.echo(f"vgraf: no document could be parsed ({len(report.failures)} failed)", err=True)
        sys.exit(1)
    if report.failures:
        click.echo(
            f"vgraf: parsed {len(report.documents)} documents; {len(report.failures)} failed (see above)", err=True
        )


@cli.command(name="build")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(sorted(GRAPH_FORMATS)),
    default=("ttl", "nt"),
    show_default=True,
    help="Graph serialisations to write (repeat the option for several).",
)
def build_command(formats: tuple[str, ...]) -> None:
    """Ingest the documents (VGRAF_DATA_DIR, default data/raw) and build the graph.

    Writes graph.ttl (and the other formats asked for) and one JSON per document to a
    new release under VGRAF_BUILD_DIR (default data/build), published atomically as
    data/build/current. With VGRAF_STORE=oxigraph it also writes an Oxigraph store.
    """
    settings = get_settings()
    result = build(settings, formats)
    for failure in result.failures:
        click.echo(f"vgraf: {failure}", err=True)
    state = "built" if result.changed else "unchanged"
    search = f", {result.passages} passages ({result.embedded} embedded)" if result.changed else ""
    click.echo(
        f"{state}: {result.documents} documents, {result.triples} triples{search} → "
        f"{settings.build_dir / 'current'} ({result.release.name})"
    )


@cli.command()
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RESULT_FORMATS),
    default="table",
    show_default=True,
    help="table, json (SPARQL 1.1 Query Results JSON), csv, or turtle for CONSTRUCT/DESCRIBE.",
)
def sparql(query: str, fmt: str) -> None:
    """Run a SPARQL query (the text, or @file.rq) against the built graph."""
    settings = get_settings()
    store = open_store(settings)
    try:
        click.echo(format_result(store.query(read_query(query)), fmt))
    finally:
        store.close()


@cli.command()
@click.argument("query")
@click.option("--top-k", default=10, show_default=True, type=click.IntRange(1, 1000), help="Passages to return.")
@click.option("--unit", help="Only this unit (a part of its name is enough).")
@click.option("--year", type=int, help="Only documents of this year.")
@click.option("--kind", type=click.Choice(["verksamhetsplan", "verksamhetsberattelse"]), help="Only plans or reports.")
@click.option("--level", type=click.Choice(["kf_inriktningsmal", "kf_verksamhetsmal", "namndmal", "enhetsmal"]))
@click.option("--theme", help="Only passages about this theme (slug or label, e.g. palliativ-vard).")
@click.option("--unit-written", is_flag=True, help="Only the units' own text, not the nämnd's.")
@click.option("--mode", type=click.Choice(MODES), default="hybrid", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def search(
    query: str,
    top_k: int,
    unit: str | None,
    year: int | None,
    kind: str | None,
    level: str | None,
    theme: str | None,
    unit_written: bool,
    mode: str,
    as_json: bool,
) -> None:
    """Search the documents by meaning and words; "which units …" questions rank units."""
    searcher = open_searcher(get_settings())
    filters = SearchFilters(unit=unit, year=year, kind=kind, level=level, theme=theme, unit_written_only=unit_written)
    response = searcher.search(query, top_k=top_k, filters=filters, mode=mode)
    if as_json:
        click.echo(response.model_dump_json(indent=2))
        return
    click.echo("Units:")
    for rank, unit_hit in enumerate(response.units[:5], start=1):
        best = unit_hit.best
        quote = f"\n     “{best.quote[:240]}” ({best.document}, lines {best.lines[0]}–{best.lines[1]})" if best else ""
        click.echo(f"  {rank}. {unit_hit.unit} ({unit_hit.score:.3f}){quote}")
    click.echo("\nPassages:")
    for rank, hit in enumerate(response.results, start=1):
        where = f"{hit.unit}, {hit.document}, lines {hit.lines[0]}–{hit.lines[1]}"
        click.echo(f"  {rank}. [{hit.score:.3f}] {where}\n     {hit.text[:300]}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
def serve(host: str, port: int) -> None:
    """Serve the HTTP API: /sparql, /search, /chat, /units, /themes, /goals, /documents, /docs.

    Builds VGRAF_BUILD_DIR first if nothing is built there yet.
    """
    import uvicorn

    from api.app import create_app
    from api.backend import Backend

    settings = get_settings()
    if not (settings.build_dir / "current").exists():
        click.echo(
            f"nothing is built in {settings.build_dir} yet: building from {settings.data_dir} "
            "(the first build embeds every passage, about two minutes on two cores) …",
            err=True,
        )
        result = build(settings)
        for failure in result.failures:
            click.echo(f"vgraf: {failure}", err=True)
        click.echo(
            f"built: {result.documents} documents, {result.triples} triples, {result.passages} passages", err=True
        )
    click.echo("loading the graph, the search index and the SPARQL workers …", err=True)
    backend = Backend.load(settings)
    click.echo(f"serving http://{host}:{port}/ (API docs at http://{host}:{port}/docs)", err=True)
    uvicorn.run(create_app(settings, backend), host=host, port=port, log_level="info")


@cli.command()
def stats() -> None:
    """Print units per theme, themes per unit, and units that share practices."""
    store = open_store(get_settings())
    try:
        click.echo(stats_report(store))
    finally:
        store.close()


def main() -> None:
    """Console-script entry point: no tracebacks for users."""
    try:
        cli.main(standalone_mode=True)
    except OSError as error:
        click.echo(f"vgraf: {error.filename or ''}: {error.strerror or error}", err=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - last line of defence for users
        if get_settings().debug:
            raise
        click.echo(f"vgraf: internal error: {error!r} (set VGRAF_DEBUG=1 for details)", err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()
