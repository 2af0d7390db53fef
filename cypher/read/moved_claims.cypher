// name: read/moved_claims
// description: The claims of some entities or incidents, with what their stable ids are made of, so that
//   claims moved to another node can be re-keyed and their direct edges recounted.
// param: ids (list of strings) — entity or incident ids
UNWIND $ids AS id
CALL (id) {
  MATCH (x:Entity {id: id})
  RETURN x
  UNION
  MATCH (x:Incident {id: id})
  RETURN x
}
MATCH (x)<-[:SUBJECT|OBJECT]-(c:Claim)
WITH DISTINCT c
MATCH (c)-[:SUBJECT]->(s)
MATCH (c)-[:OBJECT]->(o)
RETURN c.id AS id, c.article AS article, c.predicate AS predicate, c.start AS start, c.rule AS rule,
       s.id AS subject, CASE WHEN s:Incident THEN 'Incident' ELSE 'Entity' END AS subject_label,
       o.id AS object, CASE WHEN o:Incident THEN 'Incident' ELSE 'Entity' END AS object_label
