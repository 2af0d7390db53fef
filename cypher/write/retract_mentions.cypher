// name: write/retract_mentions
// description: Delete the MENTIONS and REPORTS edges of some articles to entities and incidents their new
//   extraction no longer finds (all of them when the lists are empty); return the nodes that lost one.
// param: rows (list of maps) — id (an article id), entities, incidents (ids that stay)
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
CALL (a, row) {
  MATCH (a)-[m:MENTIONS]->(e:Entity)
  WHERE NOT e.id IN row.entities
  DELETE m
  RETURN e.id AS entity, null AS incident
  UNION ALL
  MATCH (a)-[r:REPORTS]->(i:Incident)
  WHERE NOT i.id IN row.incidents
  DELETE r
  RETURN null AS entity, i.id AS incident
}
RETURN entity, incident
