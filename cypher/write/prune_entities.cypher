// name: write/prune_entities
// description: After claims or mentions were removed: set each entity's aliases to the names its remaining
//   articles use and keep only the look-up keys of those names (a row with null aliases keeps both), set
//   `mentioned_as` (write/entities) to the names its MENTIONS edges carry, then
//   delete the entity when no article mentions it and no claim or knowledge-base link uses it, with the
//   names that named only it and any knowledge-base group nothing else links to.
// param: rows (list of maps) — id, aliases (or null), keys (or null), mentioned_as (sorted names, maybe empty)
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.mentioned_as = row.mentioned_as
WITH e, row
CALL (e, row) {
  WITH e, row WHERE row.aliases IS NOT NULL
  SET e.aliases = row.aliases
  WITH e, row
  MATCH (n:Name)-[k:NAMES]->(e)
  WHERE NOT n.key IN row.keys
  DELETE k
  WITH DISTINCT n
  WHERE NOT EXISTS { (n)-[:NAMES]->() }
  DELETE n
}
WITH e
WHERE NOT EXISTS { (e)<-[:MENTIONS|SUBJECT|OBJECT|ACCORDING_TO|ALIAS_OF]-() }
OPTIONAL MATCH (e)-[:ALIAS_OF]->(g:Entity)
OPTIONAL MATCH (e)<-[:NAMES]-(n:Name)
WITH e, collect(DISTINCT g) AS groups, collect(DISTINCT n) AS names
DETACH DELETE e
WITH groups, names
CALL (groups) {
  UNWIND groups AS g
  WITH g WHERE NOT EXISTS { (g)<-[:MENTIONS|SUBJECT|OBJECT|ACCORDING_TO|ALIAS_OF]-() }
  DETACH DELETE g
}
CALL (names) {
  UNWIND names AS n
  WITH n WHERE NOT EXISTS { (n)-[:NAMES]->() }
  DELETE n
}
