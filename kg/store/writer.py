"""Batched, idempotent writes of a Graph: constraints first, then UNWIND ... MERGE per batch.

Each batch is one managed write transaction (the driver retries transient failures), so a batch is
either all in or not at all. Ids are stable, so writing the same graph twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from neo4j import Driver

from kg import EXTRACTOR_VERSION
from kg.models import Graph
from kg.resolve.keys import alias_key
from kg.store.cypher import load, render


@dataclass
class Written:
    articles: int = 0
    entities: int = 0
    incidents: int = 0
    claims: int = 0
    edges: int = 0


def batched(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def init_schema(driver: Driver, database: str | None = None) -> None:
    for statement in load("schema").body.split(";"):
        if statement.strip():
            driver.execute_query(statement, database_=database)


def _run_batch(tx, query: str, params: dict) -> None:
    tx.run(query, params).consume()


class Writer:
    """Writes Graphs to one database; no I/O until `write` is called."""

    def __init__(self, driver: Driver, database: str | None = None, batch_size: int = 5000):
        self.driver = driver
        self.database = database
        self.batch_size = batch_size

    def _run(self, query: str, key: str, rows: list[dict], **params) -> int:
        total = 0
        with self.driver.session(database=self.database) as session:
            for batch in batched(rows, self.batch_size):
                session.execute_write(_run_batch, query, {key: batch, **params})
                total += len(batch)
        return total

    def write(self, graph: Graph) -> Written:
        done = Written()
        articles = [{**a, "extractor": EXTRACTOR_VERSION} for a in graph.articles]
        done.articles = self._run(load("write/articles").body, "rows", articles)
        by_type: dict[str, list[dict]] = defaultdict(list)
        for e in graph.entities:
            keys = sorted({alias_key(a) for a in [e.name, *e.aliases]} - {""})
            kb = e.kb or {}
            by_type[e.type].append({"id": e.id, "name": e.name, "type": e.type, "kind": e.kind, "aliases": e.aliases, "keys": keys,
                                    "articles": e.articles, "kb_id": kb.get("id"), "kb_name": kb.get("name"),
                                    "kb_url": kb.get("url")})
        for kind, rows in by_type.items():
            done.entities += self._run(render(load("write/entities"), label=kind), "rows", rows)
        incidents = [{"id": i.id, "name": i.name, "date": i.date, "kind": i.kind, "articles": i.articles,
                      "victims": i.victims,
                      "keys": sorted({alias_key(i.name), i.id})} for i in graph.incidents]
        done.incidents = self._run(load("write/incidents").body, "rows", incidents)
        kinds = {e.id: "Entity" for e in graph.entities} | {i.id: "Incident" for i in graph.incidents}
        claims: dict[tuple[str, str], list[dict]] = defaultdict(list)
        pairs: dict[tuple[str, str, str], dict] = {}
        for c in graph.claims:
            shape = (kinds[c.subject], kinds[c.object])
            claims[shape].append(c.record())
            pairs[(c.predicate, c.subject, c.object)] = {"subject": c.subject, "object": c.object}
        for (subject, obj), rows in claims.items():
            done.claims += self._run(render(load("write/claims"), subject=subject, object=obj), "rows", rows)
        by_edge: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for (predicate, s, o), pair in pairs.items():
            by_edge[(predicate, kinds[s], kinds[o])].append(pair)
        for (predicate, subject, obj), rows in by_edge.items():
            query = render(load("write/edges"), rel=predicate, subject=subject, object=obj)
            done.edges += self._run(query, "pairs", rows, predicate=predicate)
        links = [{"from": l["from"], "to_id": l["to"]["id"], "to_name": l["to"]["name"],
                  "to_aliases": l["to"]["aliases"], "kb_id": l["to"]["kb"]["id"], "kb_url": l["to"]["kb"].get("url"),
                  "source": l["source"]} for l in graph.links]
        self._run(load("write/kb_links").body, "rows", links)
        return done
