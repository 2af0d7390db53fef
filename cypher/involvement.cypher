// name: involvement
// description: Everyone tied to an incident and in what role (victim, affected person, perpetrator, sponsor, malware used, motive, leaked work, responder, investigator, reporter), with the evidence count. Hedged roles read "suspected …"; an actor's own claim reads "… (own claim)".
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg query involvement --param target="Sony Pictures"
WITH trim($target) AS raw, $target_key AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(i:Incident)
  RETURN i
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Entity)<-[:TARGETED]-(i:Incident)
  RETURN i
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Malware)<-[:USED]-(i:Incident)
  RETURN i
  UNION
  MATCH (i:Incident {id: raw})
  RETURN i
  UNION
  MATCH (:Entity {id: raw})<-[:TARGETED]-(i:Incident)
  RETURN i
}
CALL (i) {
  MATCH (i)-[r]->(e:Entity)
  WHERE type(r) IN ['TARGETED', 'ATTRIBUTED_TO', 'USED', 'MOTIVATED_BY', 'LEAKED']
  RETURN e, type(r) AS rel, r.status AS status, r.claims AS evidence
  UNION
  MATCH (e:Entity)-[r]->(i)
  WHERE type(r) IN ['RESPONDED_TO', 'INVESTIGATES']
  RETURN e, type(r) AS rel, r.status AS status, r.claims AS evidence
  UNION
  MATCH (c:Claim)-[:SUBJECT|OBJECT]->(i)
  MATCH (c)-[:ACCORDING_TO]->(e:Entity)
  RETURN e, 'REPORTED' AS rel, null AS status, count(DISTINCT c) AS evidence
}
WITH i, e, rel, status, evidence,
     CASE rel
       WHEN 'TARGETED' THEN CASE WHEN e:Person THEN 'affected person' ELSE 'victim' END
       WHEN 'ATTRIBUTED_TO' THEN CASE WHEN e:Country THEN 'sponsor' ELSE 'perpetrator' END
       WHEN 'USED' THEN 'malware used'
       WHEN 'MOTIVATED_BY' THEN 'motive'
       WHEN 'LEAKED' THEN 'leaked work'
       WHEN 'RESPONDED_TO' THEN 'responder'
       WHEN 'INVESTIGATES' THEN 'investigator'
       ELSE 'reporter'
     END AS base
WITH i, e, rel, status, evidence,
     CASE
       WHEN status = 'suspected' THEN 'suspected ' + base
       WHEN status = 'claimed' THEN base + ' (own claim)'
       WHEN status IN ['denied', 'negated'] THEN base + ' (' + status + ')'
       ELSE base
     END AS role,
     CASE rel WHEN 'TARGETED' THEN 0 WHEN 'ATTRIBUTED_TO' THEN 1 WHEN 'USED' THEN 2 WHEN 'MOTIVATED_BY' THEN 3
              WHEN 'RESPONDED_TO' THEN 4 WHEN 'INVESTIGATES' THEN 5 WHEN 'LEAKED' THEN 6 ELSE 7 END AS rank
RETURN i.name AS incident, e.name AS entity, e.type AS type, role, status, evidence
ORDER BY incident, rank, evidence DESC, entity
