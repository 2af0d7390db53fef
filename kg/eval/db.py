"""The loaded graph, read back from Neo4j in the `kg extract` JSON shape (for `kg eval --db`)."""

from __future__ import annotations

from neo4j import Driver

from kg.store.cypher import load


def graph_from_db(driver: Driver, database: str | None = None) -> dict:
    def work(tx):
        out = {}
        for part in ("entities", "incidents", "claims"):
            out[part] = [dict(r["row"]) for r in tx.run(load(f"read/{part}").body)]
        return out

    with driver.session(database=database, default_access_mode="READ") as session:
        return session.execute_read(work)
