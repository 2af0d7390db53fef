"""The `kg` command: a thin layer over the library.

Exit codes: a KGError (a problem the user can fix) -> red message on stderr, exit 1; a usage error (unknown
command or option, bad or conflicting values: typer.BadParameter) -> usage and message, exit 2.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from kg import __version__
from kg.cli import db, review
from kg.cli.ask import ask
from kg.cli.browser import browser
from kg.cli.evaluate import evaluate
from kg.cli.export import export
from kg.cli.lists import list_things
from kg.cli.output import Format, console, err, show
from kg.cli.show import show_entity
from kg.config import Settings
from kg.errors import InputError, KGError

app = typer.Typer(
    help="kg: knowledge graphs of cyber-attack news in Neo4j. Every relation keeps its evidence: "
         "article, sentence, offsets, certainty (asserted/suspected/claimed/denied/negated) and source.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
app.add_typer(db.app, name="db")
app.add_typer(review.app, name="review")
app.command(name="eval")(evaluate)
app.command()(ask)
app.command(name="show")(show_entity)
app.command()(browser)
app.command()(export)
app.command(name="list")(list_things)

SCHEMA = """\
Nodes
  (:Article {id, title, url, source, published, path, sha256, extractor})
  (:Entity:<Type> {id, name, type, kind, aliases, kb_id, kb_name, kb_url})
      kind (organisations): company, security firm, government agency, news outlet, platform
      <Type> is one of Organization, ThreatActor, Country, Person, Film, Product, Malware
  (:Incident {id, name, date, kind, victims})
  (:Claim:<Status> {id, predicate, status, cue, article, sentence, start, end, rule, confidence, according_to})
      <Status> is the status as a label: Asserted, Claimed, Suspected, Denied, Negated (for Browser's style)
  (:Name {key})   one per alias key, for look-ups by any name
  (:Review {claim, decision, why, by, at, history, record})   an analyst's decision on a claim (kg review)

Evidence
  (:Claim)-[:SUBJECT]->(:Entity|Incident)     (:Claim)-[:OBJECT]->(:Entity|Incident)
  (:Claim)-[:FROM_ARTICLE]->(:Article)        (:Claim)-[:ACCORDING_TO]->(:Entity)
  (:Article)-[:MENTIONS]->(:Entity)           (:Article)-[:REPORTS]->(:Incident)
  (:Name)-[:NAMES]->(:Entity|Incident)        (:Entity)-[:ALIAS_OF {source}]->(:Entity)  (knowledge base)

Direct edges (one per subject, predicate, object; recomputed from the claims)
  {status: strongest of asserted > claimed > suspected > denied > negated,
   claims, articles, asserted, claimed, suspected, denied, negated (counts), disputed,
   conflict: 'disputed' or 'differs across articles' when the claims disagree, else absent}
  (:Incident)-[:TARGETED]->(:Entity)        (:Incident)-[:ATTRIBUTED_TO]->(:Entity)
  (:Incident)-[:MOTIVATED_BY]->(:Entity)    (:Incident)-[:LEAKED]->(:Entity)
  (:Entity)-[:RESPONDED_TO]->(:Incident)    (:Entity)-[:INVESTIGATES]->(:Incident)
  (:Incident)-[:USED]->(:Malware)           (:ThreatActor|Country|Person)-[:USED]->(:Malware)
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
    for note in run.notes:
        err.print(f"[cyan]note[/cyan] {note.path}: {note.message}")
    for problem in run.problems:
        err.print(f"[yellow]skipped[/yellow] {problem.path}: {problem.message}")
    return run, nlp


Paths = Annotated[list[str], typer.Argument(
    help="Files, directories or globs of .txt .md .html .jsonl .pdf .docx; http(s):// URLs; - for stdin.")]


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
    reextract: Annotated[bool, typer.Option(
        "--reextract", help="Also re-extract unchanged articles that an older kg version extracted.")] = False,
) -> None:
    """Read, extract and write articles into Neo4j.

    Articles stream through in windows: while one window is written, the next is extracted. A ledger in
    the graph makes re-runs safe: an unchanged article is skipped, a changed one (same id, new text) has
    its old claims replaced in one transaction, and an interrupted run resumes where it stopped. Ctrl-C or
    SIGTERM stops after the window being written (exit code 130); run the same command again to go on.
    """
    from kg.pipeline import Options, batches, read
    from kg.store.connect import open_driver
    from kg.store.ledger import Ledger
    from kg.store.writer import Writer, init_schema

    settings = Settings.from_env()
    options = Options(model=settings.model, workers=workers, dask=dask, window=window)
    problems, notes = [], []
    started = time.monotonic()
    stop = _Stop()
    with open_driver(settings) as driver, stop:
        init_schema(driver, settings.neo4j_database)
        # One ingest or forget at a time: the ledger is read and the window resolved against the graph
        # under the lock, so a second process over the same articles skips what the first wrote.
        with _graph_lock(driver, settings):
            ledger = Ledger(driver, settings.neo4j_database, reextract=reextract)
            writer = Writer(driver, settings.neo4j_database, batch_size or settings.batch_size)
            with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                          TimeElapsedColumn(), console=err, transient=True) as progress:
                task = progress.add_task("ingesting", total=None)
                todo = stop.until(ledger.pending(read(paths, problems, notes)))
                written = writer.write_all(batches(todo, options, lambda _: progress.advance(task),
                                                   failures=problems))
    problems += ledger.duplicates
    for note in notes:
        err.print(f"[cyan]note[/cyan] {note.path}: {note.message}")
    for problem in problems:
        err.print(f"[yellow]skipped[/yellow] {problem.path}: {problem.message}")
    skipped = [f"{ledger.unchanged} unchanged article(s) skipped"] if ledger.unchanged else []
    if ledger.outdated:
        skipped.append(f"{ledger.outdated} article(s) extracted by an older kg skipped (--reextract updates them)")
    console.print(
        f"Ingested {written.articles} articles: {written.entities} entities, {written.incidents} incidents, "
        f"{written.claims} claims, {written.edges} edges in {time.monotonic() - started:.1f} s."
        + (f" {written.replaced} changed article(s) replaced ({written.retracted} old claims removed)."
           if written.replaced else "")
        + (f" {'; '.join(skipped)}." if skipped else "")
    )
    if stop.signal:
        err.print(f"[yellow]Interrupted ({stop.signal})[/yellow]: everything above is written; run the same "
                  "command again to continue (written articles are skipped).")
        raise typer.Exit(130)
    if problems:
        err.print(f"[yellow]{len(problems)} input(s) skipped[/yellow] (listed above).")
        raise typer.Exit(1)


def _graph_lock(driver, settings: Settings):
    """The database's ingest lock (kg.store.lock); waiting for it is said once on stderr."""
    import os

    from kg.store.lock import GraphLock

    return GraphLock(driver, settings.neo4j_database, timeout=float(os.environ.get("KG_LOCK_TIMEOUT", "600")),
                     on_wait=lambda message: err.print(f"[yellow]{message}[/yellow]"))


class _Stop:
    """Ctrl-C / SIGTERM during ingest: stop reading new articles, let the current window be written.

    A second Ctrl-C stops at once (what the first one left unwritten is written again by the next run).
    """

    def __init__(self) -> None:
        self.signal: str | None = None
        self._old: dict = {}

    def __enter__(self) -> "_Stop":
        for number in (signal.SIGINT, signal.SIGTERM):
            self._old[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for number, handler in self._old.items():
            signal.signal(number, handler)

    def _handle(self, number, frame) -> None:
        if self.signal:
            raise KeyboardInterrupt
        self.signal = signal.Signals(number).name
        err.print(f"[yellow]{self.signal}[/yellow]: finishing the current window, then stopping…")

    def until(self, items):
        for item in items:
            if self.signal:
                return
            yield item


@app.command()
def forget(
    refs: Annotated[list[str], typer.Argument(metavar="ARTICLE_ID|PATH", help="Article ids, or the paths they were read from.")],
) -> None:
    """Remove articles from the graph: their claims, mentions and reports go, the direct edges are
    recomputed from the claims that are left, and entities or incidents nothing else supports go too."""
    from kg.store.connect import open_driver

    from kg.store.writer import init_schema

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        init_schema(driver, settings.neo4j_database)
        with _graph_lock(driver, settings):
            _forget(driver, settings, refs)


def _forget(driver, settings: Settings, refs: list[str]) -> None:
    from kg.store.cypher import load
    from kg.store.writer import Writer

    wanted = [*refs, *(Path(r).name for r in refs if Path(r).name != r)]
    records, _, _ = driver.execute_query(load("lookup/articles").body, refs=wanted,
                                         database_=settings.neo4j_database, routing_="r")
    found = {r["ref"]: r["id"] for r in records}
    ids, missing = [], []
    for ref in refs:
        article = found.get(ref) or found.get(Path(ref).name)
        if article is None:
            missing.append(ref)
        elif article not in ids:
            ids.append(article)
    if missing:
        raise InputError(f"No article in the graph has the id or path {', '.join(map(repr, missing))}: "
                         "`kg query --cypher 'MATCH (a:Article) RETURN a.id, a.path'` lists them; nothing was removed")
    done = Writer(driver, settings.neo4j_database).forget(ids)
    console.print(f"Forgot {done.articles} article(s): {done.retracted} claims removed, "
                  f"{done.edges} direct edges recomputed.")


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[Format, typer.Option("--format", help="Only json is supported for graphs.")] = Format.json,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Run everything but the write and print the graph as JSON (no database needed)."""
    from kg.nlp.model import describe

    if fmt is not Format.json:
        raise typer.BadParameter("kg extract prints JSON only: use --format json", param_hint="--format")
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
    cypher: Annotated[Optional[str], typer.Option(
        "--cypher", metavar="QUERY", help="Run this Cypher instead of a canned query; values go in as --param "
                                          "$key. Read-only: a query that would write is refused.")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow --cypher to write (run in a write transaction).")] = False,
) -> None:
    """Run a canned query from cypher/ (or your own with --cypher) in a read transaction."""
    from kg.store.connect import open_driver
    from kg.store.cypher import canned
    from kg.store.queries import run, run_cypher

    if cypher is None and (list_ or name is None):
        for statement in canned():
            console.print(f"[bold]{statement.name}[/bold] — {statement.description}")
            for p in statement.inputs:  # the alias keys of names are computed, not given
                console.print(f"    --param {p.name}=…  ({p.type}) {p.help}")
            if statement.example:
                console.print(f"    e.g. {statement.example}")
        return
    if cypher is not None and name is not None:
        raise typer.BadParameter(f"give a canned query name ({name!r}) or --cypher, not both", param_hint="--cypher")
    if write and cypher is None:
        raise typer.BadParameter("--write applies to --cypher only; canned queries only read", param_hint="--write")
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item!r} needs the form key=value", param_hint="--param")
        params[key.strip()] = value
    settings = Settings.from_env()
    with open_driver(settings) as driver:
        note, empty = "", None
        if cypher is not None:
            answer = run_cypher(driver, cypher, params, write, settings.neo4j_database)
        else:
            answer = run(driver, name, params, settings.neo4j_database)
            if fmt is Format.table:
                from kg.cli.names import notes
                note, empty = notes(driver, params, len(answer.rows), settings.neo4j_database)
    show(answer, fmt, explain=explain, note=note, empty=empty)


@app.command()
def schema() -> None:
    """Print the graph model kg writes."""
    print(SCHEMA, end="")


@app.command()
def demo(
    target: Annotated[Optional[str], typer.Option(
        help="The victim to ask about (default: the victim of the incident with the most attribution claims).")] = None,
) -> None:
    """Start the managed server if needed, ingest the bundled sample corpus, and answer who is behind the attack and who was involved."""
    from kg.store.connect import open_driver
    from kg.store.queries import busiest_target, run
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
        target = target or busiest_target(driver, settings.neo4j_database)
        attribution = run(driver, "attribution", {"target": target}, settings.neo4j_database)
        show(attribution, Format.table, title=f"Who is behind the attack on {target}?")
        involvement = run(driver, "involvement", {"target": target}, settings.neo4j_database)
        show(involvement, Format.table, title=f"Who was involved in the attack on {target}, in what role?")
