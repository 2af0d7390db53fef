"""The `kg` command: a thin layer over the library. KGError -> red message on stderr, exit 1."""

from __future__ import annotations

import json
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from kg import __version__
from kg.cli import db
from kg.cli.ask import ask
from kg.cli.browser import browser
from kg.cli.evaluate import evaluate
from kg.cli.export import export
from kg.cli.output import Format, console, err, show
from kg.cli.show import show_entity
from kg.config import Settings
from kg.errors import KGError, QueryError

app = typer.Typer(
    help="kg: knowledge graphs of cyber-attack news in Neo4j. Every relation keeps its evidence: "
         "article, sentence, offsets, certainty (asserted/suspected/claimed/denied/negated) and source.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
app.add_typer(db.app, name="db")
app.command(name="eval")(evaluate)
app.command()(ask)
app.command(name="show")(show_entity)
app.command()(browser)
app.command()(export)

SCHEMA = """\
Nodes
  (:Article {id, title, url, source, published, path, sha256, extractor})
  (:Entity:<Type> {id, name, type, kind, aliases, kb_id, kb_name, kb_url})
      kind (organisations): company, security firm, government agency, news outlet, platform
      <Type> is one of Organization, ThreatActor, Country, Person, Film, Product
  (:Incident {id, name, date, kind, victims})
  (:Claim {id, predicate, status, cue, article, sentence, start, end, rule, confidence, according_to})
  (:Name {key})   one per alias key, for look-ups by any name

Evidence
  (:Claim)-[:SUBJECT]->(:Entity|Incident)     (:Claim)-[:OBJECT]->(:Entity|Incident)
  (:Claim)-[:FROM_ARTICLE]->(:Article)        (:Claim)-[:ACCORDING_TO]->(:Entity)
  (:Article)-[:MENTIONS]->(:Entity)           (:Article)-[:REPORTS]->(:Incident)
  (:Name)-[:NAMES]->(:Entity|Incident)        (:Entity)-[:ALIAS_OF {source}]->(:Entity)  (knowledge base)

Direct edges (one per subject, predicate, object; recomputed from the claims)
  {status: strongest of asserted > claimed > suspected > denied > negated,
   claims, articles, asserted, claimed, suspected, denied, negated (counts), disputed}
  (:Incident)-[:TARGETED]->(:Entity)        (:Incident)-[:ATTRIBUTED_TO]->(:Entity)
  (:Incident)-[:MOTIVATED_BY]->(:Entity)    (:Incident)-[:LEAKED]->(:Entity)
  (:Entity)-[:RESPONDED_TO]->(:Incident)    (:Entity)-[:INVESTIGATES]->(:Incident)
  (:Entity)-[:HIRED|SUBSIDIARY_OF|LEADER_OF|DENOUNCED|PRODUCED|APPEARS_IN|EXECUTIVE_OF]->(:Entity)
"""


def main() -> None:
    try:
        app()
    except KGError as error:
        err.print(f"[red]Error:[/red] {error}")
        sys.exit(1)


def _version(value: bool) -> None:
    if value:
        print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """kg: knowledge graphs of cyber-attack news in Neo4j."""


def _nlp(settings: Settings):
    from kg.nlp.model import load

    return load(settings.model)


def _build(paths: list[str], settings: Settings):
    from kg.pipeline import build

    nlp = _nlp(settings)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        run = build(nlp, paths, on_article=lambda _: progress.advance(task))
    for problem in run.problems:
        err.print(f"[yellow]skipped[/yellow] {problem.path}: {problem.message}")
    return run, nlp


Paths = Annotated[list[str], typer.Argument(help="Files, directories or globs of .txt .md .html .jsonl; - for stdin.")]


@app.command()
def ingest(
    paths: Paths,
    batch_size: Annotated[Optional[int], typer.Option(help="Rows per write transaction.", envvar="KG_BATCH_SIZE")] = None,
    workers: Annotated[int, typer.Option(min=1, envvar="KG_WORKERS",
                                         help="Local processes that extract; 1 extracts in this process.")] = 1,
    dask: Annotated[Optional[str], typer.Option(
        metavar="tcp://HOST:PORT", envvar="KG_DASK",
        help="Extract on this Dask scheduler's workers (kg installed there) instead of local processes.")] = None,
    window: Annotated[int, typer.Option(min=1, envvar="KG_WINDOW",
                                        help="Articles resolved together and written as one graph; bounds memory.")] = 1000,
) -> None:
    """Read, extract and write articles into Neo4j (idempotent: the same article twice changes nothing).

    Articles stream through in windows: while one window is written, the next is extracted.
    """
    from kg.pipeline import Options, graphs
    from kg.store.connect import open_driver
    from kg.store.writer import Writer, init_schema

    settings = Settings.from_env()
    options = Options(model=settings.model, workers=workers, dask=dask, window=window)
    problems = []
    started = time.monotonic()
    with open_driver(settings) as driver:
        init_schema(driver, settings.neo4j_database)
        writer = Writer(driver, settings.neo4j_database, batch_size or settings.batch_size)
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                      TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)
            written = writer.write_all(graphs(paths, options, problems, lambda _: progress.advance(task)))
    for problem in problems:
        err.print(f"[yellow]skipped[/yellow] {problem.path}: {problem.message}")
    console.print(
        f"Ingested {written.articles} articles: {written.entities} entities, {written.incidents} incidents, "
        f"{written.claims} claims, {written.edges} edges in {time.monotonic() - started:.1f} s."
    )
    if problems:
        err.print(f"[yellow]{len(problems)} input(s) skipped[/yellow] (listed above).")
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[Format, typer.Option("--format", help="Only json is supported for graphs.")] = Format.json,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Run everything but the write and print the graph as JSON (no database needed)."""
    from kg.nlp.model import describe

    if fmt is not Format.json:
        raise QueryError("kg extract prints JSON only: use --format json")
    settings = Settings.from_env()
    run, nlp = _build(paths, settings)
    text = json.dumps(run.graph.to_json(describe(nlp)), ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    if run.problems:
        raise typer.Exit(1)


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="A canned query (see --list).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
    list_: Annotated[bool, typer.Option("--list", help="List the canned queries with their parameters.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Also print the Cypher and parameters.")] = False,
) -> None:
    """Run a canned query from cypher/ in a read transaction."""
    from kg.store.connect import open_driver
    from kg.store.cypher import canned
    from kg.store.queries import run

    if list_ or name is None:
        for statement in canned():
            console.print(f"[bold]{statement.name}[/bold] — {statement.description}")
            for p in statement.params:
                console.print(f"    --param {p.name}=…  ({p.type}) {p.help}")
            if statement.example:
                console.print(f"    e.g. {statement.example}")
        return
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryError(f"--param {item!r} needs the form key=value")
        params[key.strip()] = value
    settings = Settings.from_env()
    with open_driver(settings) as driver:
        answer = run(driver, name, params, settings.neo4j_database)
    show(answer, fmt, explain=explain)


@app.command()
def schema() -> None:
    """Print the graph model kg writes."""
    print(SCHEMA, end="")


@app.command()
def demo(
    target: Annotated[str, typer.Option(help="The victim to ask about.")] = "Sony Pictures",
) -> None:
    """Start the managed server if needed, ingest the bundled sample corpus, and answer who is behind the attack and who was involved."""
    from kg.store.connect import open_driver
    from kg.store.queries import run
    from kg.store.writer import Writer, init_schema

    settings = Settings.from_env()
    db.ensure_running(settings)
    corpus = resources.files("kg.data").joinpath("demo")
    with resources.as_file(corpus) as folder:
        run_, _ = _build([str(folder)], settings)
    with open_driver(settings) as driver:
        init_schema(driver, settings.neo4j_database)
        written = Writer(driver, settings.neo4j_database, settings.batch_size).write(run_.graph)
        console.print(f"Demo corpus: {written.articles} articles, {written.entities} entities, "
                      f"{written.incidents} incidents, {written.claims} claims.\n")
        attribution = run(driver, "attribution", {"target": target}, settings.neo4j_database)
        show(attribution, Format.table, title=f"Who is behind the attack on {target}?")
        involvement = run(driver, "involvement", {"target": target}, settings.neo4j_database)
        show(involvement, Format.table, title=f"Who was involved in the attack on {target}, in what role?")
