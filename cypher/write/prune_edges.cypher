// name: write/prune_edges
// description: Delete the direct edge {rel} between each subject ({subject}) and object ({object}) when no
//   claim of $predicate between them is left (write/edges recomputes the ones that still have claims).
// param: pairs (list of maps) — subject, object
UNWIND $pairs AS pair
MATCH (s:{subject} {id: pair.subject})-[r:{rel}]->(o:{object} {id: pair.object})
WHERE NOT EXISTS { MATCH (s)<-[:SUBJECT]-(c)-[:OBJECT]->(o) WHERE c.predicate = $predicate }
DELETE r
