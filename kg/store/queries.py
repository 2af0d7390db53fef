"""Running canned queries in read transactions; values only as parameters."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import Driver
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship

from kg.errors import QueryError
from kg.store.cypher import Statement, load


@dataclass
class Answer:
    query: str
    params: dict
    cypher: str
    columns: list[str]
    rows: list[dict]


def run(driver: Driver, name: str, params: dict, database: str | None = None) -> Answer:
    statement = load(name)
    return run_statement(driver, statement, params, database)


def run_statement(driver: Driver, statement: Statement, params: dict, database: str | None = None) -> Answer:
    """Run a canned statement with the caller's `params`; the alias keys of its names are computed here."""
    missing = [p.name for p in statement.inputs if p.name not in params and not p.optional]
    if missing:
        example = f" (example: {statement.example})" if statement.example else ""
        raise QueryError(f"Query {statement.name!r} needs --param {missing[0]}=VALUE{example}")
    unknown = sorted(set(params) - {p.name for p in statement.inputs})
    if unknown:
        raise QueryError(f"Query {statement.name!r} takes no parameter {unknown[0]!r}; it takes "
                         f"{', '.join(p.name for p in statement.inputs) or 'none'}")

    values = statement.values(params)

    def work(tx):
        result = tx.run(statement.body, values)
        return result.keys(), [{k: plain(v) for k, v in record.items()} for record in result]

    # A query may name a relationship type the graph has none of yet (LEAKED on a graph without leaks):
    # that is an empty answer, not something to warn the user about.
    with driver.session(database=database, default_access_mode="READ",
                        notifications_min_severity="OFF") as session:
        columns, rows = session.execute_read(work)
    # The answer says what the query was given and the keys kg computed (not the nulls of options left out).
    given = {k: v for k, v in values.items() if k in params or v is not None}
    return Answer(statement.name, given, statement.body, list(columns), rows)


def busiest_target(driver: Driver, database: str | None = None) -> str:
    """The main victim of the incident with the most attribution claims (a default to ask about)."""
    records, _, _ = driver.execute_query(load("lookup/busiest").body, database_=database, routing_="r")
    if not records:
        raise QueryError("The graph has no incident with an attribution yet: ingest articles, or name a --target")
    return records[0]["target"]


# What EXPLAIN's summary says a query does: r read, rw read-write, w write, s schema.
QUERY_TYPES = {"r": "only reads", "rw": "reads and writes", "w": "writes", "s": "changes the schema"}


def run_cypher(driver: Driver, text: str, params: dict, write: bool = False, database: str | None = None) -> Answer:
    """An ad-hoc query (`kg query --cypher`). Read-only unless `write`: the server's own EXPLAIN says
    whether the query would write or change the schema, and such a query is refused before it runs; the
    rest runs in a read transaction, which the server also keeps from writing."""
    if not text.strip():
        raise QueryError("--cypher needs a query, e.g. --cypher 'MATCH (a:Article) RETURN a.id LIMIT 5'")

    def work(tx):
        result = tx.run(text, params)
        return result.keys(), [{k: plain(v) for k, v in record.items()} for record in result]

    with driver.session(database=database, default_access_mode="WRITE" if write else "READ",
                        notifications_min_severity="OFF") as session:
        try:
            if not write:
                kind = session.run("EXPLAIN " + text, params).consume().query_type
                if kind != "r":
                    raise QueryError(f"This query {QUERY_TYPES.get(kind, kind)}; `kg query --cypher` only reads "
                                     "unless you add --write")
            columns, rows = (session.execute_write if write else session.execute_read)(work)
        except ClientError as error:
            raise QueryError(f"Neo4j refused the query: {error.message}") from None
    return Answer("cypher", params, text, list(columns), rows)


def plain(value):
    """Driver values -> JSON-ready Python values."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
