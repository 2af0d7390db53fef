"""`kg show ENTITY`: one entity's profile (cypher/profile.cypher), laid out for reading."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from kg.cli.output import Format, console, show
from kg.config import Settings
from kg.errors import QueryError

ARROWS = {"out": "→", "in": "←"}


def show_entity(
    entity: Annotated[str, typer.Argument(help="A name or alias (any case), or an entity id.")],
    fmt: Annotated[Format, typer.Option("--format", help="table (readable), json or csv.")] = Format.table,
) -> None:
    """Show one entity: its type, aliases, ATT&CK link, the articles that mention it and its relations, grouped."""
    from kg.store.connect import open_driver
    from kg.store.queries import run

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        answer = run(driver, "profile", {"entity": entity}, settings.neo4j_database)
    if fmt is not Format.table:
        show(answer, fmt)
        return
    if not answer.rows:
        raise QueryError(f"No entity is named {entity!r} (names match any alias, case-insensitively). "
                         "`kg ask` or `kg query incidents --param entity=…` find names from part of them.")
    for number, rows in enumerate(_by_entity(answer.rows)):
        if number:
            console.print()
        _print_profile(rows)


def _by_entity(rows: list[dict]) -> list[list[dict]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["id"], []).append(row)
    return list(groups.values())


def _print_profile(rows: list[dict]) -> None:
    head = rows[0]
    mentions = f"mentioned in {head['articles']} article" + ("" if head["articles"] == 1 else "s")
    console.print(f"[bold]{escape(head['entity'])}[/bold]  {head['type']} · {escape(head['id'])} · {mentions}")
    console.print(f"  aliases   {escape(', '.join(head['aliases'] or []) or '—')}")
    console.print(f"  ATT&CK    {escape(head['attack'] or '—')}")
    relations = [row for row in rows if row["relation"]]
    if not relations:
        console.print("  no relations")
        return
    width = max(len(row["relation"]) for row in relations) + 2
    for row in relations:
        label = f"{row['relation']} {ARROWS[row['direction']]}".ljust(width)
        console.print(f"  {label}  {escape(row['related'][0])}")
        for other in row["related"][1:]:
            console.print(f"  {' ' * width}  {escape(other)}")
