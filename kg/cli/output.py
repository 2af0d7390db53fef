"""Printing answers as tables, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from enum import Enum

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

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


# Columns that hold evidence text: wrapped at about a sentence's width and cut after LONG_CHARS characters,
# ending with the claim id (`kg review show CLAIM_ID` prints the whole claim).
LONG = frozenset({"sentence", "statements", "event", "said", "attributed", "incidents", "used_by"})
LONG_WIDTH = 60
LONG_CHARS = 240
LONG_MIN = 36  # an evidence column is never narrower than this (unless its text is)
SHORT = 24  # columns whose cells are all this short never wrap


def shorten(text: str, claim: str | None = None, limit: int = LONG_CHARS) -> str:
    """The text, cut at a word before `limit` characters when longer, with the claim id to look up the rest."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut} … [{claim}]" if claim else f"{cut} …"


def table(answer: Answer, title: str | None = None, width: int | None = None) -> Table:
    """The answer as a table the width of the terminal: short columns kept whole while they fit, evidence
    wrapped at about a sentence's width and cut, with the claim id, past LONG_CHARS characters."""
    cells = [{c: cell(row[c]) for c in answer.columns} for row in answer.rows]
    for row, raw in zip(cells, answer.rows):
        for column in answer.columns:
            if column in LONG:
                row[column] = shorten(row[column], raw.get("claim") if column == "sentence" else None)
    longest = {c: max([len(c), *(len(row[c]) for row in cells)]) for c in answer.columns}
    avail = (width or console.width) - 3 * len(answer.columns) - 1
    long = [c for c in answer.columns if c in LONG]
    # Evidence columns get a sentence's width (or less, when their text is shorter); short columns stay on one
    # line while they fit beside it; the widest of them wrap first; the rest share what is left.
    least = {c: min(longest[c], LONG_MIN) for c in long}
    keep = [c for c in answer.columns if c not in LONG and longest[c] <= SHORT]
    others = [c for c in answer.columns if c not in LONG and c not in keep]
    while keep and sum(longest[c] for c in keep) + sum(least.values()) + 8 * len(others) > avail:
        widest = max(keep, key=lambda c: longest[c])
        keep.remove(widest)
        others.append(widest)
    widths = {c: longest[c] for c in keep}
    spare = avail - sum(widths.values())
    for c in long:  # evidence next: up to a sentence's width, leaving the other columns 8 each
        widths[c] = max(least[c], min(longest[c], LONG_WIDTH, (spare - 8 * len(others)) // len(long)))
    spare = avail - sum(widths.values())
    for c in others:
        widths[c] = max(4, min(longest[c], spare // len(others)))
    result = Table(title=title, title_justify="left", show_lines=False)
    for column in answer.columns:
        result.add_column(column, width=max(1, widths[column]), no_wrap=column in keep, overflow="fold")
    for row in cells:
        result.add_row(*(Text(row[c]) for c in answer.columns))
    return result


def show(answer: Answer, fmt: Format, title: str | None = None, explain: bool = False, note: str = "",
         empty: str | None = None) -> None:
    """Print the answer. Tables: the rows, then `note` (one line), then the Cypher with `explain`.
    `empty` replaces the default words printed when there are no rows."""
    if fmt is Format.json:
        print(json.dumps({"query": answer.query, "params": answer.params, "cypher": answer.cypher,
                          "rows": answer.rows}, ensure_ascii=False, indent=2))
        return
    if fmt is Format.csv:
        if explain:
            err.print(f"[dim]-- {answer.query} {answer.params}\n{answer.cypher}[/dim]")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(answer.columns)
        for row in answer.rows:
            writer.writerow([cell(row[c]) for c in answer.columns])
        print(buffer.getvalue(), end="")
        return
    if answer.rows:
        console.print(table(answer, title))
    elif title:
        console.print(title)
    if not answer.rows:
        console.print("[yellow]No rows.[/yellow] " + escape(empty or "Nothing in the graph answers this "
                                                           "(`kg query stats` shows what is loaded)."))
    if note:
        console.print(f"[dim]{escape(note)}[/dim]", highlight=False)
    if explain:
        console.print(f"[dim]-- {answer.query} {escape(str(answer.params))}\n{escape(answer.cypher)}[/dim]", highlight=False)
