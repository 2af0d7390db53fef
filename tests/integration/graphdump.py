"""A canonical dump of what kg wrote to Neo4j, for comparing graphs built in different ways (issue 14):
entities (id, name, type and labels, sorted aliases, kind, knowledge-base id), incidents (id, name, date,
victims), claims (id, ends, status, evidence place), direct edges with their counts, and which articles
mention or report what."""

from __future__ import annotations


def dump(driver) -> dict:
    def rows(cypher: str) -> list:
        return sorted(tuple(_plain(v) for v in r.values()) for r in driver.execute_query(cypher)[0])

    return {
        "entities": rows("MATCH (e:Entity) RETURN e.id, e.name, e.type, e.kind, e.kb_id, "
                         "[x IN labels(e) WHERE x <> 'Entity'], e.aliases"),
        "incidents": rows("MATCH (i:Incident) RETURN i.id, i.name, i.date, i.victims"),
        "claims": rows("MATCH (c:Claim)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o) "
                       "RETURN c.id, s.id, c.predicate, o.id, c.status, c.article, c.start, c.rule, c.according_to"),
        "edges": rows("MATCH (s)-[r]->(o) WHERE r.claims IS NOT NULL RETURN type(r), s.id, o.id, r.status, r.claims, "
                      "r.articles, r.asserted, r.claimed, r.suspected, r.denied, r.negated, r.conflict"),
        "mentions": rows("MATCH (a:Article)-[m:MENTIONS]->(e) RETURN a.id, e.id, m.aliases"),
        "reports": rows("MATCH (a:Article)-[:REPORTS]->(i) RETURN a.id, i.id"),
        "links": rows("MATCH (e)-[r:ALIAS_OF]->(g) RETURN e.id, g.id, r.source"),
        "articles": rows("MATCH (a:Article) RETURN a.id, a.sha256"),
    }


def _plain(value):
    if isinstance(value, list):
        return tuple(sorted(_plain(v) for v in value)) if value and isinstance(value[0], str) else tuple(value)
    return value


def differences(a: dict, b: dict) -> dict:
    """Per part, what only one side has (empty when the graphs are equal)."""
    out = {}
    for part in a:
        left, right = set(a[part]), set(b[part])
        if left != right:
            out[part] = {"only first": sorted(left - right, key=str)[:10], "only second": sorted(right - left, key=str)[:10]}
    return out
