// name: write/entities
// description: Upsert a batch of entities of one type; {label} is filled from kg's whitelist of entity types.
//   Aliases accumulate over the articles that mention the entity (a node that only a knowledge-base link
//   created starts afresh, so the order of writes does not matter); every alias key gets a (:Name) node
//   so queries find the entity by any name.
//   Each MENTIONS edge keeps the names its article uses, so forgetting an article can recompute aliases.
// param: rows (list of maps) — id, name, type, kind, aliases, keys, mentions ({article, aliases}), kb_id,
//   kb_name, kb_url
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
WITH e, row, CASE WHEN EXISTS { (:Article)-[:MENTIONS]->(e) } THEN coalesce(e.aliases, []) ELSE [] END AS known
SET e.name = row.name, e.type = row.type, e.kind = coalesce(row.kind, e.kind), e.kb_id = row.kb_id, e.kb_name = row.kb_name, e.kb_url = row.kb_url,
    e.aliases = reduce(acc = known, x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
REMOVE e:Organization:ThreatActor:Country:Person:Film:Product:Malware
SET e:{label}
WITH e, row
CALL (e, row) {
  UNWIND row.keys AS key
  MERGE (n:Name {key: key})
  MERGE (n)-[:NAMES]->(e)
}
CALL (e, row) {
  UNWIND row.mentions AS mention
  MATCH (a:Article {id: mention.article})
  MERGE (a)-[m:MENTIONS]->(e)
  SET m.aliases = mention.aliases
}
