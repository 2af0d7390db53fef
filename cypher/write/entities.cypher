// name: write/entities
// description: Upsert a batch of entities of one type; {label} is filled from kg's whitelist of entity types.
//   Name, type, kind and aliases come from the resolver, decided by all the votes the graph and the new
//   articles hold (the row's evidence, kept on the node for the next run), so they are set, not accumulated;
//   every alias key (and the acronym of a long name) gets a (:Name) node so queries and later runs find
//   the entity by any name.
//   Each MENTIONS edge keeps the names its article uses, so forgetting an article can recompute aliases;
//   `mentioned_as` keeps all of those names (sorted) for read/known_entities, which would otherwise expand
//   every MENTIONS edge. It becomes null (unknown) when an article that mentioned the entity before says it
//   again: the writer's replacement of that article then sets it from the edges (write/prune_entities).
// param: rows (list of maps) — id, name, type, kind, aliases, keys, evidence, mentions ({article, aliases}),
//   kb_id, kb_name, kb_url
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.mentioned_as = []
SET e.name = row.name, e.type = row.type, e.kind = row.kind, e.kb_id = row.kb_id, e.kb_name = row.kb_name,
    e.kb_url = row.kb_url, e.aliases = row.aliases, e.evidence = row.evidence
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
  ON MATCH SET e.mentioned_as = null
  SET m.aliases = mention.aliases
  RETURN reduce(names = [], said IN collect(mention.aliases) | names + said) AS said
}
CALL (e, said) {
  WITH e, said WHERE e.mentioned_as IS NOT NULL
  UNWIND e.mentioned_as + said AS name
  WITH DISTINCT e, name ORDER BY name
  WITH e, collect(name) AS names
  SET e.mentioned_as = names
}
