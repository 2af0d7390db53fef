// name: write/move_entities
// description: Give existing entities the ids a new resolution decided (a better name arrived, or an
//   article showed two nodes are one): each old node's mentions, look-up names, claims (as subject, object
//   or source) and knowledge-base links move to the node with the new id (created if missing), then the
//   old node goes with its direct edges. The caller re-keys the moved claims and recounts their edges.
//   The new node's `mentioned_as` (write/entities) takes the old one's names too, or null if either is unknown.
// param: rows (list of maps) — old, new (entity ids)
UNWIND $rows AS row
MATCH (old:Entity {id: row.old})
MERGE (new:Entity {id: row.new})
ON CREATE SET new.mentioned_as = []
WITH old, new
CALL (old, new) {
  MATCH (a:Article)-[m:MENTIONS]->(old)
  MERGE (a)-[n:MENTIONS]->(new)
  SET n.aliases = reduce(acc = coalesce(n.aliases, []), x IN coalesce(m.aliases, []) |
                         CASE WHEN x IN acc THEN acc ELSE acc + x END)
  DELETE m
}
SET new.mentioned_as = CASE WHEN old.mentioned_as IS NULL THEN null ELSE new.mentioned_as END
WITH old, new
CALL (old, new) {
  WITH old, new WHERE new.mentioned_as IS NOT NULL
  UNWIND new.mentioned_as + old.mentioned_as AS name
  WITH DISTINCT new, name ORDER BY name
  WITH new, collect(name) AS names
  SET new.mentioned_as = names
}
CALL (old, new) {
  MATCH (k:Name)-[r:NAMES]->(old)
  MERGE (k)-[:NAMES]->(new)
  DELETE r
}
CALL (old, new) {
  MATCH (c:Claim)-[r:SUBJECT]->(old)
  MERGE (c)-[:SUBJECT]->(new)
  DELETE r
}
CALL (old, new) {
  MATCH (c:Claim)-[r:OBJECT]->(old)
  MERGE (c)-[:OBJECT]->(new)
  DELETE r
}
CALL (old, new) {
  MATCH (c:Claim)-[r:ACCORDING_TO]->(old)
  MERGE (c)-[:ACCORDING_TO]->(new)
  SET c.according_to = new.id
  DELETE r
}
CALL (old, new) {
  MATCH (old)-[r:ALIAS_OF]->(g:Entity)
  MERGE (new)-[s:ALIAS_OF]->(g)
  SET s.source = r.source
  DELETE r
}
DETACH DELETE old
