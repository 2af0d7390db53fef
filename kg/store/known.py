"""Resolve a window of new articles against the graph already in Neo4j (issue 14).

`resolve_window` asks the graph, through its (:Name {key}) index and ids, for the entities and incidents
the window's names, acronyms, attack names and victims point at (one round trip for entities, one for
incidents; another only when a merged summary gives an id the graph was not asked for yet), with the votes
each keeps, and resolves the window together with them: its nodes in each round (`resolve_nodes`, again
only when the graph returned something new), its claims once at the end (`add_claims`). The result is what
one run over all the articles would give: existing nodes whose id must change are listed in `moves`, and
`move` applies them inside the write transaction before the window itself is written.
"""

from __future__ import annotations

from neo4j import Driver

from kg.models import DocResult
from kg.keys import alias_key
from kg.models import stable_id
from kg.resolve.merge import Known, Resolved, add_claims, entity_part, incident_parts, resolve_nodes, window_parts
from kg.store.cypher import load

ROUNDS = 4  # lookups for ids that merged summaries bring up (one or two in practice)


def resolve_window(driver: Driver, database: str | None, results: list[DocResult]) -> Resolved:
    def read(name: str, **params) -> list[dict]:
        records, _, _ = driver.execute_query(load(name).body, params, database_=database, routing_="r")
        return [dict(r) for r in records]

    parts = window_parts(results)  # made once: each round resolves the same clusters with more known nodes
    alone = resolve_nodes(results, parts=parts)
    keys: set[str] = set()
    for part in parts:
        keys |= {k.split("|", 1)[1] for k in part.keys} | part.acronyms | part.acronames
    entities: dict[str, dict] = {}
    ask_ids = {e.id for e in alone.graph.entities}
    asked: set[str] = set()
    known = Known()
    resolved = alone
    for _ in range(ROUNDS):
        found = [r for r in read("read/known_entities", keys=sorted(keys), ids=sorted(ask_ids),
                                 articles=sorted(r.article["id"] for r in results)) if r["id"] not in entities]
        asked |= ask_ids
        if not found:  # the resolution stands: nothing it did not know comes back
            break
        entities.update((r["id"], r) for r in found)
        known = Known([entity_part(r) for _, r in sorted(entities.items())])
        resolved = resolve_nodes(results, known, parts)
        keys = set()
        ask_ids = {e.id for e in resolved.graph.entities} - set(entities) - asked
        if not ask_ids:
            break
    incidents: dict[str, dict] = {}
    names = [alias_key(n) for i in resolved.graph.incidents for n in i.aliases]
    ask_ids = {i.id for i in resolved.graph.incidents}
    asked = set()
    mains = {i.victims[0] for i in resolved.graph.incidents if i.victims}
    victims = mains | {old for old, new in resolved.moves.items() if new in mains} | set(resolved.moves)
    for _ in range(ROUNDS):
        found = [r for r in read("read/known_incidents", keys=sorted(set(names)), ids=sorted(ask_ids),
                                 victims=sorted(victims)) if r["id"] not in incidents]
        asked |= ask_ids
        if not found:
            break
        incidents.update((r["id"], r) for r in found)
        known.incidents = {iid: incident_parts(r["evidence"]) for iid, r in sorted(incidents.items())}
        known.names = {v: name for r in incidents.values() for v, name in r["victims"]}
        resolved = resolve_nodes(results, known, parts)
        names, victims = [], set()
        ask_ids = {i.id for i in resolved.graph.incidents} - set(incidents) - asked
        if not ask_ids:
            break
    return add_claims(results, resolved)


def move(tx, resolved: Resolved) -> set[tuple]:
    """Apply the resolution's moves in the transaction `tx`: existing nodes take their new ids, their
    claims are re-keyed (duplicates go) and every direct edge they touch is returned for recounting, as
    (predicate, subject label, subject id, object label, object id)."""
    if not resolved.moves and not resolved.incident_moves:
        return set()
    before = _claims(tx, sorted(set(resolved.moves) | set(resolved.incident_moves)))
    pairs = {(c["predicate"], c["subject_label"], c["subject"], c["object_label"], c["object"]) for c in before}
    if resolved.moves:
        tx.run(load("write/move_entities").body,
               rows=[{"old": old, "new": new} for old, new in sorted(resolved.moves.items())]).consume()
    if resolved.incident_moves:
        tx.run(load("write/move_incidents").body,
               rows=[{"old": old, "new": new} for old, new in sorted(resolved.incident_moves.items())]).consume()
    moved = set(resolved.moves.values()) | set(resolved.incident_moves.values())
    rows = []
    for c in _claims(tx, sorted(moved)):
        pairs.add((c["predicate"], c["subject_label"], c["subject"], c["object_label"], c["object"]))
        new = None if c["subject"] == c["object"] else \
            stable_id("c", c["article"], c["subject"], c["predicate"], c["object"], c["start"], c["rule"])
        if new != c["id"]:
            rows.append({"old": c["id"], "new": new})
    if rows:
        tx.run(load("write/rekey_claims").body, rows=rows).consume()
    return {p for p in pairs if p[2] != p[4]}


def _claims(tx, ids: list[str]) -> list[dict]:
    return [dict(r) for r in tx.run(load("read/moved_claims").body, ids=ids)]
