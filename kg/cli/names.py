"""Which node a name chose, for `kg query` and `kg ask`, and "did you mean …" when it chose none."""

from __future__ import annotations

import re

from neo4j import Driver

from kg.keys import alias_key
from kg.store.queries import run
from kg.store.suggest import closest, did_you_mean

NAME_PARAMS = ("target", "entity", "actor", "a", "b")
VIA = {"victim": "its victim", "malware": "the malware"}


def describe(slot: str, things: list[dict]) -> str:
    """What a name stands for: for a `target`, the incidents (and through what); else the nodes it names."""
    if slot == "target":
        incidents = {}
        for thing in things:
            for name in thing.get("incident_names") or []:
                via = "" if thing["via"] == "incident" else f", through {VIA[thing['via']]} {thing['name']}"
                incidents.setdefault(name, f"{name} (Incident{via})")
        if incidents:
            return "; ".join(incidents.values())
    return "; ".join(f"{t['name']} ({t['type']})" for t in things)


def lookup(driver: Driver, values: list[str], database: str | None = None) -> dict[str, list[dict]]:
    """Each value -> the lookup/names rows of its alias key (or of itself, for an id)."""
    keys = {v: alias_key(v) or v.strip() for v in values}
    rows = run(driver, "lookup/names", {"keys": sorted({*keys.values(), *(v.strip() for v in values)})}, database).rows
    by_key: dict[str, list[dict]] = {}
    for row in rows:
        by_key.setdefault(row["key"], []).append(row)
    return {v: by_key.get(k) or by_key.get(v.strip()) or [] for v, k in keys.items()}


def chosen(driver: Driver, params: dict, database: str | None = None) -> tuple[str, list[str]]:
    """One line saying what each name parameter chose, and the values that name nothing."""
    values = {slot: str(params[slot]) for slot in NAME_PARAMS if params.get(slot)}
    if not values:
        return "", []
    found = lookup(driver, list(values.values()), database)
    parts, unknown = [], []
    for slot, value in values.items():
        if found[value]:
            parts.append(f'{slot} "{value}" → {describe(slot, found[value])}')
        elif re.fullmatch(r"[a-z]+:\S+", value):  # an entity id: the query looks it up itself
            parts.append(f'{slot} "{value}"')
        else:
            unknown.append(value)
            parts.append(f'{slot} "{value}" → nothing in the graph')
    return "; ".join(parts), unknown


def suggestions(driver: Driver, unknown: list[str], database: str | None = None) -> str:
    return did_you_mean(closest(driver, unknown, database))


def notes(driver: Driver, params: dict, rows: int, database: str | None = None) -> tuple[str, str | None]:
    """For `kg query`: the line saying what the names chose, and what to say instead of nothing when no row
    came back (the closest names in the graph, when a name matched nothing)."""
    line, unknown = chosen(driver, params, database)
    if rows or not line:
        return line, None
    if unknown:
        return line, f"No name in the graph is {', '.join(map(repr, unknown))}. " + suggestions(driver, unknown, database)
    return line, "The names were found (below), but the graph holds no answer about them."
