"""Batched, idempotent writes of a Graph: constraints first, then UNWIND ... MERGE per batch.

`plan(graph)` turns a Graph into `Step`s: one Cypher statement from cypher/write/ and the rows it unwinds,
in the order the statements need (articles before what mentions them, claims before the edges computed
from them). `Writer.write` sends each step in batches; each batch is one managed write transaction (the
driver retries transient failures), so a batch is either all in or not at all. Ids are stable, so
writing the same graph twice changes nothing, and writing a corpus window by window gives the nodes and
edges that recur across windows one node or edge each.

Articles new to the graph take the fast path: their claims are created and added to the direct edges
from counts. Articles written before (changed, re-extracted, or left unfinished by a crash) go through a
`Replacement`, one transaction that swaps their claims and recounts the edges touched; `Writer.forget`
is a Replacement with nothing new. The ledger step (cypher/write/ledger.cypher) runs last.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from queue import Queue
from threading import Thread
from typing import Collection, Iterable, Iterator

from neo4j import Driver
from neo4j.exceptions import ClientError

from kg import EXTRACTOR_VERSION
from kg.chunks import chunks
from kg.keys import alias_key
from kg.models import STATUSES, Claim, Graph
from kg.store.cypher import STATUS_LABELS, load, render
from kg.store.known import move, resolve_window


@dataclass
class Written:
    articles: int = 0
    entities: int = 0
    incidents: int = 0
    claims: int = 0
    edges: int = 0
    replaced: int = 0  # articles written before, whose claims were replaced
    retracted: int = 0  # old claims deleted

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


def init_schema(driver: Driver, database: str | None = None) -> None:
    for statement in load("schema").body.split(";"):
        if statement.strip():
            try:
                driver.execute_query(statement, database_=database)
            except ClientError as error:  # another ingest created it at the same moment
                if "AlreadyExists" not in (error.code or ""):
                    raise


def entity_rows(graph: Graph) -> dict[str, list[dict]]:
    """Entity rows per entity type (the type is a label, so each type is its own statement)."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for e in graph.entities:
        kb = e.kb or {}
        mentions = [{"article": a, "aliases": e.names_in.get(a, [])} for a in e.articles]
        acronyms = json.loads(e.evidence)["acronyms"] if e.evidence else []
        by_type[e.type].append({"id": e.id, "name": e.name, "type": e.type, "kind": e.kind, "aliases": e.aliases,
                                "keys": sorted(set(name_keys([e.name, *e.aliases])) | set(acronyms)),
                                "evidence": e.evidence, "mentions": mentions,
                                "kb_id": kb.get("id"), "kb_name": kb.get("name"), "kb_url": kb.get("url")})
    return by_type


def incident_rows(graph: Graph) -> list[dict]:
    return [{"id": i.id, "name": i.name, "date": i.date, "date_basis": i.date_basis,
             "date_source": json.dumps(i.date_source, sort_keys=True) if i.date_source else None,
             "kind": i.kind, "articles": i.articles,
             "victims": i.victims, "evidence": i.evidence,
             "keys": sorted({alias_key(i.name), i.id} | {alias_key(a) for a in i.aliases} - {""})}
            for i in graph.incidents]


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


Pair = tuple[str, str, str, str, str]  # predicate, subject label, subject id, object label, object id


@dataclass(frozen=True)
class Replacement:
    """Articles written before whose claims, mentions and reports are replaced in one transaction.

    Old claims the new extraction does not repeat go, the new ones are written, and every direct edge
    either touched is recomputed (or deleted when no claim is left); entities and incidents left with
    no article and no claim go too. With no claims and `forget`, the articles themselves go.
    """

    articles: list[str]
    claims: list[Claim] = field(default_factory=list)
    kind_of: dict[str, str] = field(default_factory=dict)
    entities: dict[str, list[str]] = field(default_factory=dict)  # article -> entity ids it still mentions
    incidents: dict[str, list[str]] = field(default_factory=dict)  # article -> incident ids it still reports
    forget: bool = False


def plan(graph: Graph, replaced: Collection[str] = ()) -> Iterator[Step | Replacement]:
    """The write steps of `graph`, in the order they must run.

    Articles in `replaced` were written before: their claims go through one `Replacement` per
    `REPLACE_CHUNK` articles instead of the batched claim and edge steps. The ledger step comes last,
    so an article is marked written only once everything it says is in.
    """
    yield Step("articles", load("write/articles").body, "rows", graph.articles)
    for kind, rows in entity_rows(graph).items():
        yield Step("entities", render(load("write/entities"), label=kind), "rows", rows)
    yield Step("incidents", load("write/incidents").body, "rows", incident_rows(graph))
    kind_of = kinds(graph)
    yield from claim_steps([c for c in graph.claims if c.article not in replaced], kind_of, new=True)
    if replaced:
        entities, incidents = defaultdict(list), defaultdict(list)
        for e in graph.entities:
            for a in e.articles:
                entities[a].append(e.id)
        for i in graph.incidents:
            for a in i.articles:
                incidents[a].append(i.id)
        ordered = [a["id"] for a in graph.articles if a["id"] in replaced]
        for chunk in chunks(ordered, REPLACE_CHUNK):
            members = set(chunk)
            yield Replacement(chunk, [c for c in graph.claims if c.article in members], kind_of,
                              {a: entities[a] for a in chunk}, {a: incidents[a] for a in chunk})
    yield Step("kb_links", load("write/kb_links").body, "rows", link_rows(graph))
    yield Step("ledger", load("write/ledger").body, "rows",
               [{"id": a["id"], "sha256": a["sha256"], "extractor": EXTRACTOR_VERSION} for a in graph.articles])


REPLACE_CHUNK = 200  # articles whose replacement is one transaction


def claim_steps(claims: Iterable[Claim], kind_of: dict[str, str], extra_pairs: Iterable[Pair] = (),
                new: bool = False) -> Iterator[Step]:
    """Claims grouped by the labels of their ends and their status label, then the direct edges they (and
    `extra_pairs`) touch.

    `new`: the claims' articles did not exist before this write, so the claims are created, not merged.
    """
    by_labels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    pairs: dict[Pair, None] = {}
    for c in claims:
        by_labels[(kind_of[c.subject], kind_of[c.object], STATUS_LABELS.get(c.status, c.status))].append(c.record())
        pairs[(c.predicate, kind_of[c.subject], c.subject, kind_of[c.object], c.object)] = None
    for (subject, obj, status), rows in by_labels.items():
        statement = load("write/claims_new" if new else "write/claims")
        yield Step("claims", render(statement, subject=subject, object=obj, status=status), "rows", rows)
    if new:  # nothing of these articles was counted before: add to the edges, no recount
        yield from _edge_additions(claims, kind_of)
        return
    removed = [p for p in extra_pairs if p not in pairs]
    by_edge: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for predicate, subject, s, obj, o in [*pairs, *removed]:
        by_edge[(predicate, subject, obj)].append({"subject": s, "object": o})
    for (predicate, subject, obj), rows in by_edge.items():
        statement = render(load("write/edges"), rel=predicate, subject=subject, object=obj)
        yield Step("edges", statement, "pairs", rows, {"predicate": predicate})
    gone: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for predicate, subject, s, obj, o in removed:
        gone[(predicate, subject, obj)].append({"subject": s, "object": o})
    for (predicate, subject, obj), rows in gone.items():
        statement = render(load("write/prune_edges"), rel=predicate, subject=subject, object=obj)
        yield Step("pruned", statement, "pairs", rows, {"predicate": predicate})


def _edge_additions(claims: Iterable[Claim], kind_of: dict[str, str]) -> Iterator[Step]:
    """write/edges_add steps: per direct edge, the claims' counts per status and their distinct articles."""
    counts: dict[Pair, dict] = {}
    articles: dict[Pair, set[str]] = defaultdict(set)
    for c in claims:
        pair = (c.predicate, kind_of[c.subject], c.subject, kind_of[c.object], c.object)
        row = counts.setdefault(pair, {"subject": c.subject, "object": c.object, **dict.fromkeys(STATUSES, 0)})
        row[c.status] += 1
        articles[pair].add(c.article)
    by_edge: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for pair, row in counts.items():
        predicate, subject, _, obj, _ = pair
        by_edge[(predicate, subject, obj)].append({**row, "articles": len(articles[pair])})
    for (predicate, subject, obj), rows in by_edge.items():
        yield Step("edges", render(load("write/edges_add"), rel=predicate, subject=subject, object=obj), "rows", rows)


def _replace(tx, replacement: Replacement) -> Written:
    """One Replacement, inside the transaction `tx`."""
    done = Written()
    keep: dict[str, list[str]] = defaultdict(list)
    for c in replacement.claims:
        keep[c.article].append(c.id)
    rows = [{"id": a, "keep": keep[a], "entities": replacement.entities.get(a, []),
             "incidents": replacement.incidents.get(a, [])} for a in replacement.articles]
    old_pairs: dict[Pair, None] = {}
    touched_entities: dict[str, None] = {}
    touched_incidents: dict[str, None] = {}
    for record in tx.run(load("read/reported_incidents").body, ids=list(replacement.articles)):
        touched_incidents[record["incident"]] = None  # a victimless incident no claim names is pruned too
    for record in tx.run(load("write/retract_claims").body, rows=rows):
        old_pairs[(record["predicate"], record["subject_label"], record["subject"], record["object_label"],
                   record["object"])] = None
        for end, label in ((record["subject"], record["subject_label"]), (record["object"], record["object_label"])):
            (touched_incidents if label == "Incident" else touched_entities)[end] = None
        if record["source"]:
            touched_entities[record["source"]] = None
        done.retracted += 1
    for record in tx.run(load("write/retract_mentions").body, rows=rows):
        if record["entity"]:
            touched_entities[record["entity"]] = None
        if record["incident"]:
            touched_incidents[record["incident"]] = None
    # The entities a replaced article still mentions were rewritten with its new names: their aliases and
    # look-up keys are recomputed too, so a name only the old text used goes.
    for ids in replacement.entities.values():
        touched_entities.update(dict.fromkeys(ids))
    for step in claim_steps(replacement.claims, replacement.kind_of, old_pairs):
        tx.run(step.statement, {step.key: step.rows, **step.params}).consume()
        if step.part in ("claims", "edges"):
            setattr(done, step.part, getattr(done, step.part) + len(step.rows))
    if replacement.forget:
        tx.run(load("write/forget").body, ids=replacement.articles).consume()
    rows = []
    for record in tx.run(load("read/mention_names").body, ids=list(touched_entities)):
        aliases = record["aliases"] or None  # an entity no article names keeps what it had (a knowledge-base group)
        acronyms = json.loads(record["evidence"])["acronyms"] if record["evidence"] else []
        rows.append({"id": record["id"], "aliases": aliases, "mentioned_as": record["aliases"],
                     "keys": sorted(set(name_keys([record["name"], *aliases])) | set(acronyms)) if aliases else None})
    tx.run(load("write/prune_entities").body, rows=rows).consume()
    tx.run(load("write/prune_incidents").body, ids=list(touched_incidents)).consume()
    return done


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
            for batch in chunks(step.rows, self.batch_size):
                session.execute_write(_run_batch, step.statement, {step.key: batch, **step.params})
                total += len(batch)
        return total

    def _found(self, statement: str, ids: Iterable[str]) -> set[str]:
        """The ids a read statement returns for `ids`, asked `batch_size` at a time."""
        found: set[str] = set()
        for batch in chunks(ids, self.batch_size):
            records, _, _ = self.driver.execute_query(load(statement).body, ids=batch,
                                                      database_=self.database, routing_="r")
            found.update(r["id"] for r in records)
        return found

    def written_before(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` that have an Article node (complete or not): their claims must be replaced."""
        return self._found("read/ledger", ids)

    def rejected(self, ids: Iterable[str]) -> set[str]:
        """Those of the claim ids that an analyst rejected (`kg review reject`)."""
        return self._found("read/rejected", ids)

    def write_results(self, results: list) -> Written:
        """Resolve a window of DocResults against the graph (kg.store.known), move the existing nodes whose
        ids the resolution changed, recount their edges, then write the window's graph."""
        resolved = resolve_window(self.driver, self.database, results)
        if resolved.moves or resolved.incident_moves:
            def work(tx) -> None:
                for step in claim_steps([], {}, sorted(move(tx, resolved))):
                    tx.run(step.statement, {step.key: step.rows, **step.params}).consume()

            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        return self.write(resolved.graph)

    def write(self, graph: Graph) -> Written:
        """Write one graph. Its articles that were written before have their old claims replaced; claims an
        analyst rejected stay out (a rejection outlives re-ingest and re-extraction, as claim ids are stable)."""
        done = Written()
        rejected = self.rejected(c.id for c in graph.claims)
        if rejected:
            graph = replace(graph, claims=[c for c in graph.claims if c.id not in rejected])
        replaced = self.written_before(a["id"] for a in graph.articles)
        for step in plan(graph, replaced):
            if isinstance(step, Replacement):
                with self.driver.session(database=self.database) as session:
                    done.add(session.execute_write(_replace, step))
                continue
            count = self.run(step)
            if hasattr(done, step.part):
                setattr(done, step.part, getattr(done, step.part) + count)
        done.replaced += len(replaced)
        return done

    def forget(self, ids: list[str]) -> Written:
        """Remove articles, their claims and mentions; recompute the edges; prune what is left with nothing."""
        done = Written()
        with self.driver.session(database=self.database) as session:
            for chunk in chunks(ids, REPLACE_CHUNK):
                done.add(session.execute_write(_replace, Replacement(chunk, forget=True)))
                done.articles += len(chunk)
        return done

    def review(self, decision: dict, drop: str | None = None, add: list[Claim] = (), kind_of: dict | None = None,
               pairs: Iterable[Pair] = (), article: dict | None = None) -> Written:
        """One review decision in one transaction: record it (write/review), take the claim `drop` out of the
        evidence or write the claims `add` (an analyst's own, under the article row `article`, or a restored
        one), then recompute every direct edge touched from its claims, as a re-written article's are."""
        def work(tx) -> Written:
            done = Written()
            tx.run(load("write/review").body, row=decision).consume()
            if article is not None:
                tx.run(load("write/articles").body, rows=[article]).consume()
            if drop is not None:
                tx.run(load("write/delete_claim").body, id=drop).consume()
            for step in claim_steps(list(add), kind_of or {}, pairs):
                tx.run(step.statement, {step.key: step.rows, **step.params}).consume()
                if step.part in ("claims", "edges"):
                    setattr(done, step.part, getattr(done, step.part) + len(step.rows))
            return done

        with self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def write_all(self, graphs: Iterable, ahead: int = 1) -> Written:
        """Write graphs (or windows of DocResults, resolved against the graph first) as they come, in a
        background thread, while `graphs` computes the next ones.

        At most `ahead` graphs wait in between, so memory stays bounded. A failed write stops the
        stream and is raised here.
        """
        done = Written()
        waiting: Queue = Queue(maxsize=ahead)
        failed: list[BaseException] = []

        def drain() -> None:  # the loader thread: writes each graph put on `waiting`, until None
            while (graph := waiting.get()) is not None:
                if not failed:
                    try:
                        done.add(self.write(graph) if isinstance(graph, Graph) else self.write_results(graph))
                    except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                        failed.append(error)

        loader = Thread(target=drain, name="kg-loader", daemon=True)
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
