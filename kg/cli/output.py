"""Printing answers as tables, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from enum import Enum

from rich.console import Console
from rich.table import Table

from kg.store.queries import Answer

# Piped output gets 140 columns rather than rich's 80, so tables stay readable in logs (COLUMNS wins).
_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 140
console = Console(width=_WIDTH)
err = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def show(answer: Answer, fmt: Format, title: str | None = None, explain: bool = False) -> None:
    if fmt is Format.json:
        print(json.dumps({"query": answer.query, "params": answer.params, "cypher": answer.cypher,
                          "rows": answer.rows}, ensure_ascii=False, indent=2))
        return
    if explain:
        err.print(f"[dim]-- {answer.query} {answer.params}\n{answer.cypher}[/dim]")
    if fmt is Format.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(answer.columns)
        for row in answer.rows:
            writer.writerow([cell(row[c]) for c in answer.columns])
        print(buffer.getvalue(), end="")
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in answer.columns:
        table.add_column(column, overflow="fold")
    for row in answer.rows:
        table.add_row(*(cell(row[c]) for c in answer.columns))
    console.print(table)
    if not answer.rows:
        console.print("[yellow]No rows.[/yellow] Is anything ingested (`kg query stats`)? Is the name spelt as in the articles?")
