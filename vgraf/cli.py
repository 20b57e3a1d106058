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
from vgraf.build import GRAPH_FORMATS, build, open_store
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
        except (IngestError, GraphError) as error:
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
            write_atomic(target, json.dumps(_document_json(parsed), ensure_ascii=False, indent=2) + "\n")
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
    click.echo(
        f"{state}: {result.documents} documents, {result.triples} triples → {settings.build_dir / 'current'}"
        f" ({result.release.name})"
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
