// name: read/entities
// description: Every entity in the `kg extract` JSON shape (used by `kg eval --db`).
MATCH (e:Entity)
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(e)
WITH e, collect(a.id) AS articles
RETURN {id: e.id, name: e.name, type: e.type, kind: e.kind, aliases: e.aliases, articles: articles} AS row
