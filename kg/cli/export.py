"""`kg export`: the graph in Neo4j as a STIX 2.1 bundle or in the `kg extract` JSON shape (whole or per incident),
or as CSV files for `neo4j-admin database import` (kg/export/admin.py)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.output import err
from kg.config import Settings
from kg.errors import QueryError
from kg.keys import alias_key


class ExportFormat(str, Enum):
    stix = "stix"
    json = "json"
    neo4j_admin = "neo4j-admin"  # CSV files for `neo4j-admin database import full` (kg/export/admin.py)


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="stix (a STIX 2.1 bundle), json (the `kg extract` shape) or neo4j-admin (CSV files for `neo4j-admin database import`).")] = ExportFormat.stix,
    incident: Annotated[Optional[str], typer.Option(help="Only this incident: its name, its victim's name, or its id.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file (for neo4j-admin: this folder) instead of stdout.")] = None,
) -> None:
    """Export the graph in Neo4j as a STIX 2.1 bundle (for OpenCTI, MISP and other TI platforms), in the `kg extract` JSON shape, or as CSV files for neo4j-admin."""
    from kg.export.json import read_graph, scope
    from kg.store.connect import open_driver
    from kg.store.queries import run

    settings = Settings.from_env()
    if fmt is ExportFormat.neo4j_admin:
        _admin(settings, incident, output)
        return
    with open_driver(settings) as driver:
        graph = read_graph(driver, settings.neo4j_database)
        if incident:
            keys = sorted({alias_key(incident), incident.strip()} - {""})
            rows = run(driver, "lookup/names", {"keys": keys}, settings.neo4j_database).rows
            ids = {i for row in rows for i in row["incidents"]}
            if not ids:
                raise QueryError(f"No incident is named {incident!r}, and no victim of one: give an incident's or "
                                 "victim's name or alias, or an incident id (`kg query stats` shows what is loaded)")
            graph = scope(graph, ids)
    doc = graph.to_json()
    if fmt is ExportFormat.stix:
        from kg.export.stix import bundle

        stix = bundle(doc)
        text, what = stix.serialize(pretty=True), f"{len(stix.objects)} STIX objects"
    else:
        text, what = json.dumps(doc, ensure_ascii=False, indent=2), f"{len(doc['claims'])} claims"
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        err.print(f"Wrote {what} to {output}.")
    else:
        print(text)


def _admin(settings: Settings, incident: str | None, output: Path | None) -> None:
    """`--format neo4j-admin`: the whole database as CSV files for `neo4j-admin database import full`."""
    from kg.export.admin import export as dump

    if incident:
        raise typer.BadParameter("--format neo4j-admin dumps the whole database: drop --incident, or use stix or "
                                 "json", param_hint="--incident")
    done = dump(settings, output)
    err.print(f"Wrote {done.nodes} nodes and {done.relationships} relationships in {len(done.files)} files to "
              f"{done.folder}.\nImport them into a new database with:\n  neo4j-admin database import full "
              f"neo4j @{done.folder / 'import.args'}")
