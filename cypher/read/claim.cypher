// name: read/claim
// description: One claim with the labels and names of its ends, and any review decision on it (`kg review`).
// param: id (string) — a claim id
OPTIONAL MATCH (c:Claim {id: $id})
OPTIONAL MATCH (c)-[:SUBJECT]->(s)
OPTIONAL MATCH (c)-[:OBJECT]->(o)
OPTIONAL MATCH (r:Review {claim: $id})
RETURN c {.*} AS claim, s.id AS subject, CASE WHEN s:Incident THEN 'Incident' ELSE 'Entity' END AS subject_label,
       s.name AS subject_name, o.id AS object, CASE WHEN o:Incident THEN 'Incident' ELSE 'Entity' END AS object_label,
       o.name AS object_name, r {.*} AS review
