// name: write/retract_claims
// description: Delete the claims of some articles that their new extraction does not repeat (all of an
//   article's claims when keep is empty), and return what each deleted claim touched, so the caller can
//   recompute the direct edges and prune nodes left with nothing.
// param: rows (list of maps) — id (an article id), keep (ids of the claims that stay)
UNWIND $rows AS row
MATCH (c:Claim {article: row.id})
WHERE NOT c.id IN row.keep
MATCH (c)-[:SUBJECT]->(s)
MATCH (c)-[:OBJECT]->(o)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
WITH c, c.predicate AS predicate, s.id AS subject, CASE WHEN s:Incident THEN 'Incident' ELSE 'Entity' END AS subject_label,
     o.id AS object, CASE WHEN o:Incident THEN 'Incident' ELSE 'Entity' END AS object_label, source.id AS source
DETACH DELETE c
RETURN predicate, subject, subject_label, object, object_label, source
