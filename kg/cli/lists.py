"""`kg list incidents|actors|malware|sources`: what the graph holds, a page at a time (cypher/list_*.cypher)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from kg.cli.output import Format, show
from kg.config import Settings


class What(str, Enum):
    incidents = "incidents"
    actors = "actors"
    malware = "malware"
    sources = "sources"


def list_things(
    what: Annotated[What, typer.Argument(help="incidents, actors, malware or sources (the articles).")],
    limit: Annotated[int, typer.Option(min=1, help="Rows per page.")] = 50,
    skip: Annotated[int, typer.Option(min=0, help="Rows to skip first, to page on.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
    explain: Annotated[bool, typer.Option("--explain", help="Also print the Cypher.")] = False,
) -> None:
    """List the incidents (most reported first), actors (threat actors and whoever an incident is attributed to), malware or sources (articles, newest first), with counts of claims and articles and their dates, a page at a time."""
    from kg.store.connect import open_driver
    from kg.store.queries import run

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        answer = run(driver, f"list_{what.value}", {"limit": limit, "skip": skip}, settings.neo4j_database)
    more = len(answer.rows) == limit
    note = f"rows {skip + 1}–{skip + len(answer.rows)}" + (f"; next page: --skip {skip + limit}" if more else "") \
        if answer.rows else ""
    show(answer, fmt, explain=explain, note=note,
         empty="Nothing on this page." if skip else f"The graph holds no {what.value} yet: `kg ingest` some articles.")
