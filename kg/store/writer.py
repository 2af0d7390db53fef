"""Batched, idempotent writes of a Graph: constraints first, then UNWIND ... MERGE per batch.

`plan(graph)` turns a Graph into `Step`s: one Cypher statement from cypher/write/ and the rows it unwinds,
in the order the statements need (articles before what mentions them, claims before the edges computed
from them). `Writer.write` sends each step in batches; each batch is one managed write transaction (the
driver retries transient failures), so a batch is either all in or not at all. Ids are stable, so
writing the same graph twice changes nothing, and writing a corpus window by window gives the nodes and
edges that recur across windows one node or edge each.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from queue import Queue
from threading import Thread
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

    def add(self, other: "Written") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Step:
    """One write statement and the rows it unwinds (as `$<key>`), plus any other parameters."""

    part: str  # articles | entities | incidents | claims | edges | kb_links
    statement: str
    key: str
    rows: list[dict]
    params: dict = field(default_factory=dict)


def batched(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def init_schema(driver: Driver, database: str | None = None) -> None:
    for statement in load("schema").body.split(";"):
        if statement.strip():
            driver.execute_query(statement, database_=database)


def entity_rows(graph: Graph) -> dict[str, list[dict]]:
    """Entity rows per entity type (the type is a label, so each type is its own statement)."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for e in graph.entities:
        kb = e.kb or {}
        by_type[e.type].append({"id": e.id, "name": e.name, "type": e.type, "kind": e.kind, "aliases": e.aliases,
                                "keys": name_keys([e.name, *e.aliases]), "articles": e.articles,
                                "kb_id": kb.get("id"), "kb_name": kb.get("name"), "kb_url": kb.get("url")})
    return by_type


def incident_rows(graph: Graph) -> list[dict]:
    return [{"id": i.id, "name": i.name, "date": i.date, "kind": i.kind, "articles": i.articles,
             "victims": i.victims, "keys": sorted({alias_key(i.name), i.id})} for i in graph.incidents]


def name_keys(names: Iterable[str]) -> list[str]:
    """The (:Name {key}) keys of a node: every name's alias key, once each."""
    return sorted({alias_key(n) for n in names} - {""})


def link_rows(graph: Graph) -> list[dict]:
    return [{"from": link["from"], "to_id": link["to"]["id"], "to_name": link["to"]["name"],
             "to_aliases": link["to"]["aliases"], "kb_id": link["to"]["kb"]["id"],
             "kb_url": link["to"]["kb"].get("url"), "source": link["source"]} for link in graph.links]


def kinds(graph: Graph) -> dict[str, str]:
    """Each node id -> its label as a claim's subject or object: Entity or Incident."""
    return {e.id: "Entity" for e in graph.entities} | {i.id: "Incident" for i in graph.incidents}


def plan(graph: Graph) -> Iterator[Step]:
    """The write steps of `graph`, in the order they must run."""
    articles = [{**a, "extractor": EXTRACTOR_VERSION} for a in graph.articles]
    yield Step("articles", load("write/articles").body, "rows", articles)
    for kind, rows in entity_rows(graph).items():
        yield Step("entities", render(load("write/entities"), label=kind), "rows", rows)
    yield Step("incidents", load("write/incidents").body, "rows", incident_rows(graph))
    kind_of = kinds(graph)
    claims: dict[tuple[str, str], list[dict]] = defaultdict(list)
    pairs: dict[tuple[str, str, str], None] = {}
    for c in graph.claims:
        claims[(kind_of[c.subject], kind_of[c.object])].append(c.record())
        pairs[(c.predicate, c.subject, c.object)] = None
    for (subject, obj), rows in claims.items():
        yield Step("claims", render(load("write/claims"), subject=subject, object=obj), "rows", rows)
    by_edge: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for predicate, s, o in pairs:
        by_edge[(predicate, kind_of[s], kind_of[o])].append({"subject": s, "object": o})
    for (predicate, subject, obj), rows in by_edge.items():
        statement = render(load("write/edges"), rel=predicate, subject=subject, object=obj)
        yield Step("edges", statement, "pairs", rows, {"predicate": predicate})
    yield Step("kb_links", load("write/kb_links").body, "rows", link_rows(graph))


def _run_batch(tx, query: str, params: dict) -> None:
    tx.run(query, params).consume()


class Writer:
    """Writes Graphs to one database; no I/O until `write` is called."""

    def __init__(self, driver: Driver, database: str | None = None, batch_size: int = 5000):
        self.driver = driver
        self.database = database
        self.batch_size = batch_size

    def run(self, step: Step) -> int:
        """Send one step in batches, one managed transaction each; the number of rows sent."""
        total = 0
        with self.driver.session(database=self.database) as session:
            for batch in batched(step.rows, self.batch_size):
                session.execute_write(_run_batch, step.statement, {step.key: batch, **step.params})
                total += len(batch)
        return total

    def write(self, graph: Graph) -> Written:
        done = Written()
        for step in plan(graph):
            count = self.run(step)
            if hasattr(done, step.part):
                setattr(done, step.part, getattr(done, step.part) + count)
        return done

    def write_all(self, graphs: Iterable[Graph], ahead: int = 1) -> Written:
        """Write graphs as they come, in a background thread, while `graphs` computes the next ones.

        At most `ahead` graphs wait in between, so memory stays bounded. A failed write stops the
        stream and is raised here.
        """
        done = Written()
        waiting: Queue = Queue(maxsize=ahead)
        failed: list[BaseException] = []

        def load() -> None:
            while (graph := waiting.get()) is not None:
                if not failed:
                    try:
                        done.add(self.write(graph))
                    except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                        failed.append(error)

        loader = Thread(target=load, name="kg-loader", daemon=True)
        loader.start()
        try:
            for graph in graphs:
                if failed:
                    break
                waiting.put(graph)
        finally:
            waiting.put(None)
            loader.join()
        if failed:
            raise failed[0]
        return done
