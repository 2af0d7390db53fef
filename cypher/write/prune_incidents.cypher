// name: write/prune_incidents
// description: Delete each incident no article reports and no claim uses any more, with its names.
// param: ids (list of strings) — incident ids, each once
UNWIND $ids AS id
MATCH (i:Incident {id: id})
WHERE NOT EXISTS { (i)<-[:REPORTS|SUBJECT|OBJECT]-() }
OPTIONAL MATCH (i)<-[:NAMES]-(n:Name)
WITH i, collect(n) AS names
DETACH DELETE i
WITH names
UNWIND names AS n
WITH n WHERE NOT EXISTS { (n)-[:NAMES]->() }
DELETE n
