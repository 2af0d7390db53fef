// name: write/move_incidents
// description: Give existing incidents the ids a new resolution decided: each old node's reports and
//   claims move to the node with the new id (created if missing); the old node goes with its direct edges
//   and the look-up names that named only it (the new node's are written with it). The caller re-keys the
//   moved claims and recounts their edges.
// param: rows (list of maps) — old, new (incident ids)
UNWIND $rows AS row
MATCH (old:Incident {id: row.old})
MERGE (new:Incident {id: row.new})
WITH old, new
CALL (old, new) {
  MATCH (a:Article)-[r:REPORTS]->(old)
  MERGE (a)-[:REPORTS]->(new)
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
OPTIONAL MATCH (n:Name)-[:NAMES]->(old)
WITH old, collect(n) AS names
DETACH DELETE old
WITH names
UNWIND names AS n
WITH n WHERE NOT EXISTS { (n)-[:NAMES]->() }
DELETE n
