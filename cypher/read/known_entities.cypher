// name: read/known_entities
// description: The entities already in the graph that a window of new articles may resolve to: those a
//   (:Name) key of the window's names or acronyms points at, and those with one of the ids the window's
//   entities would take. Returns the votes each keeps (evidence, JSON) so the resolver can decide the
//   merged entity as one run over all the articles would, and the names its articles use (aliases): the
//   node's `mentioned_as` (write/entities), read from its MENTIONS edges only when one of the window's
//   articles mentioned it before or `mentioned_as` is unknown (null).
// param: keys (list of strings) — alias keys (kg.keys.alias_key) of the window's strong names and acronyms
// param: ids (list of strings) — entity ids
// param: articles (list of strings) — the window's article ids: the names they gave before (a changed article)
//   are left out of the aliases returned, as the window says them again
CALL () {
  UNWIND $articles AS id
  OPTIONAL MATCH (:Article {id: id})-[:MENTIONS]->(x:Entity)
  RETURN collect(DISTINCT x.id) AS rewritten
}
CALL () {
  UNWIND $keys AS key
  MATCH (:Name {key: key})-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  RETURN e
}
CALL (e, rewritten) {
  WITH e, rewritten WHERE e.mentioned_as IS NULL OR e.id IN rewritten
  OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(e)
  WHERE NOT a.id IN $articles
  UNWIND coalesce(m.aliases, []) AS alias
  RETURN collect(DISTINCT alias) AS said
}
RETURN e.id AS id, e.evidence AS evidence,
       CASE WHEN e.mentioned_as IS NULL OR e.id IN rewritten THEN said ELSE e.mentioned_as END AS aliases
