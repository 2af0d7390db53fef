// name: involvement
// description: Everyone tied to an incident and in what role (victim, perpetrator, suspected sponsor, responder, investigator, motive, leaked work, source), with the evidence count.
// param: target (string) — a victim's name or alias, or an incident id, case-insensitive. Example: Sony Pictures
// example: kg query involvement --param target="Sony Pictures"
WITH toLower(trim($target)) AS t
WITH t, CASE WHEN t STARTS WITH 'the ' THEN substring(t, 4) ELSE t END AS k
WITH t, trim(replace(replace(replace(replace(replace(replace(replace(k, '.', ''), '#', ''), '-', ' '), '/', ' '), ',', ' '), '’', ' '), '\'', ' ')) AS key
CALL (t, key) {
  MATCH (:Name {key: key})-[:NAMES]->(:Entity)<-[:TARGETED]-(i:Incident)
  RETURN i
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(i:Incident)
  RETURN i
  UNION
  MATCH (i:Incident {id: t})
  RETURN i
}
CALL (i) {
  MATCH (i)-[r]->(e:Entity)
  WHERE type(r) IN ['TARGETED', 'ATTRIBUTED_TO', 'MOTIVATED_BY', 'LEAKED']
  RETURN e, type(r) AS rel, r.status AS status, r.claims AS evidence
  UNION
  MATCH (e:Entity)-[r]->(i)
  WHERE type(r) IN ['RESPONDED_TO', 'INVESTIGATES']
  RETURN e, type(r) AS rel, r.status AS status, r.claims AS evidence
  UNION
  MATCH (c:Claim)-[:SUBJECT|OBJECT]->(i)
  MATCH (c)-[:ACCORDING_TO]->(e:Entity)
  RETURN e, 'SOURCE' AS rel, null AS status, count(DISTINCT c) AS evidence
}
WITH i, e, rel, status, evidence,
     CASE rel
       WHEN 'TARGETED' THEN 'victim'
       WHEN 'ATTRIBUTED_TO' THEN CASE WHEN e:Country THEN 'sponsor' ELSE 'perpetrator' END
       WHEN 'MOTIVATED_BY' THEN 'motive'
       WHEN 'LEAKED' THEN 'leaked work'
       WHEN 'RESPONDED_TO' THEN 'responder'
       WHEN 'INVESTIGATES' THEN 'investigator'
       ELSE 'source'
     END AS base
WITH i, e, rel, status, evidence,
     CASE
       WHEN status = 'suspected' THEN 'suspected ' + base
       WHEN status = 'claimed' THEN base + ' (own claim)'
       WHEN status IN ['denied', 'negated'] THEN base + ' (' + status + ')'
       ELSE base
     END AS role,
     CASE rel WHEN 'TARGETED' THEN 0 WHEN 'ATTRIBUTED_TO' THEN 1 WHEN 'MOTIVATED_BY' THEN 2 WHEN 'RESPONDED_TO' THEN 3
              WHEN 'INVESTIGATES' THEN 4 WHEN 'LEAKED' THEN 5 ELSE 6 END AS rank
RETURN i.name AS incident, e.name AS entity, e.type AS type, role, status, evidence
ORDER BY incident, rank, evidence DESC, entity
