// name: profile
// description: One entity: its type, aliases, ATT&CK link if any, how many articles mention it, and its relations grouped by type and direction, each with the other side's status and claim count.
// param: entity (string) — a name or alias (case-insensitive), or an entity id. Example: Guardians of Peace
// param: entity_key (key of entity) — the alias key of entity, which kg computes (kg.keys.alias_key)
// example: kg query profile --param entity="Guardians of Peace"
WITH trim($entity) AS raw, $entity_key AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  MATCH (e:Entity {id: raw})
  RETURN e
  UNION
  MATCH (e:Entity {name: raw})
  RETURN e
}
OPTIONAL CALL (e) {
  MATCH (e)-[r]->(x)
  WHERE NOT type(r) IN ['NAMES', 'MENTIONS', 'REPORTS', 'SUBJECT', 'OBJECT', 'FROM_ARTICLE', 'ACCORDING_TO']
  RETURN type(r) AS relation, 'out' AS direction, x, r
  UNION
  MATCH (e)<-[r]-(x)
  WHERE NOT type(r) IN ['NAMES', 'MENTIONS', 'REPORTS', 'SUBJECT', 'OBJECT', 'FROM_ARTICLE', 'ACCORDING_TO']
  RETURN type(r) AS relation, 'in' AS direction, x, r
}
WITH e, relation, direction,
     collect(x.name + ' (' + coalesce(r.status + ', ' + toString(r.claims) + CASE r.claims WHEN 1 THEN ' claim' ELSE ' claims' END, r.source, '') + ')') AS related,
     sum(coalesce(r.claims, 0)) AS claims
RETURN e.name AS entity, e.type AS type, e.id AS id, e.aliases AS aliases,
       CASE WHEN e.kb_id IS NULL THEN null ELSE e.kb_id + ' ' + e.kb_name + coalesce(' ' + e.kb_url, '') END AS attack,
       COUNT { (:Article)-[:MENTIONS]->(e) } AS articles,
       relation, direction, related, claims
ORDER BY entity, id, relation IS NULL, relation, direction DESC
