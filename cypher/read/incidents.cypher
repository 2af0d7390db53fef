// name: read/incidents
// description: Every incident in the `kg extract` JSON shape (used by `kg eval --db`).
MATCH (i:Incident)
OPTIONAL MATCH (a:Article)-[:REPORTS]->(i)
WITH i, collect(DISTINCT a.id) AS articles
RETURN {id: i.id, name: i.name, victims: coalesce(i.victims, []), articles: articles, date: i.date,
        date_basis: i.date_basis, date_source: i.date_source,
        kind: coalesce(i.kind, 'cyber attack')} AS row
