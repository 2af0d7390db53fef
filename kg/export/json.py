"""The graph loaded in Neo4j, read back in the `kg extract` JSON shape (schema_version 2), whole or per incident."""

from __future__ import annotations

import json
from dataclasses import fields

from neo4j import Driver

from kg.models import Claim, Entity, Graph, Incident
from kg.store.cypher import load

PARTS = ("articles", "entities", "incidents", "claims", "links")
ARTICLE = ("id", "title", "url", "source", "published", "path", "sha256")  # Article.record()'s order


def read_graph(driver: Driver, database: str | None = None) -> Graph:
    """Everything kg wrote, as one Graph, read in one transaction (a consistent snapshot)."""
    def work(tx):
        return {part: [dict(record["row"]) for record in tx.run(load(f"read/{part}").body)] for part in PARTS}

    with driver.session(database=database, default_access_mode="READ") as session:
        rows = session.execute_read(work)
    return to_graph(rows)


def to_graph(rows: dict[str, list[dict]]) -> Graph:
    """Rows of the read/* queries -> Graph. Knowledge-base groups stay links, as `kg extract` has them."""
    links, kb = [], {}
    for row in rows["links"]:
        link = {key: value for key, value in row.items() if key != "from_kb"}
        source = _kb_source(link["source"], link["to"]["kb"]["id"])
        link["to"] = {**link["to"], "kb": {"source": source, **link["to"]["kb"]}}
        links.append(link)
        if row["from_kb"]["id"]:
            kb[row["from"]] = {"source": source, **row["from_kb"]}
    groups = {link["to"]["id"] for link in links}
    entities = [Entity(**_known(Entity, row), kb=kb.get(row["id"])) for row in rows["entities"]
                if row.get("articles") or row["id"] not in groups]
    return Graph(
        articles=sorted(({key: row.get(key) for key in ARTICLE} for row in rows["articles"]), key=lambda a: a["id"]),
        entities=sorted(entities, key=lambda e: e.id),
        incidents=sorted((_incident(row) for row in rows["incidents"]), key=lambda i: i.id),
        claims=sorted((Claim(**_known(Claim, row)) for row in rows["claims"]), key=lambda c: (c.article, c.start, c.id)),
        links=sorted(links, key=lambda link: (link["from"], link["to"]["id"])),
    )


def _incident(row: dict) -> Incident:
    """An incident row; its date's source is kept on the node as JSON text (Neo4j has no map properties)."""
    incident = Incident(**_known(Incident, row))
    if isinstance(incident.date_source, str):
        incident.date_source = json.loads(incident.date_source)
    return incident


def scope(graph: Graph, incident_ids: set[str]) -> Graph:
    """The part of `graph` about some incidents: their claims, the entities and articles those use, and links."""
    incidents = [i for i in graph.incidents if i.id in incident_ids]
    claims = [c for c in graph.claims if c.subject in incident_ids or c.object in incident_ids]
    entity_ids = {v for i in incidents for v in i.victims}
    entity_ids |= {x for c in claims for x in (c.subject, c.object, c.according_to) if x}
    article_ids = {c.article for c in claims} | {a for i in incidents for a in i.articles}
    return Graph(
        articles=[a for a in graph.articles if a["id"] in article_ids],
        entities=[e for e in graph.entities if e.id in entity_ids],
        incidents=incidents,
        claims=claims,
        links=[link for link in graph.links if link["from"] in entity_ids],
    )


def _known(cls, row: dict) -> dict:
    """The row's values for the dataclass's fields (the `kg extract` shape may grow; the reads may lag)."""
    names = {f.name for f in fields(cls)} - {"kb"}
    return {key: value for key, value in row.items() if key in names}


def _kb_source(link_source: str | None, kb_id: str | None) -> str | None:
    """"MITRE ATT&CK G0032" -> "MITRE ATT&CK"."""
    if link_source and kb_id and link_source.endswith(" " + kb_id):
        return link_source[: -len(kb_id) - 1]
    return link_source
