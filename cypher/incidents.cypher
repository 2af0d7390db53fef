// name: incidents
// description: The incidents that touched an entity (as victim, actor, malware used, motive, responder or investigator), with dates, oldest first. A short name also covers the names it starts ("Sony" finds Sony Pictures and Sony Corporation).
// param: entity (string) — a name or alias (case-insensitive), or an entity id. Example: Sony
// param: entity_key (key of entity) — the alias key of entity, which kg computes (kg.keys.alias_key)
// param: role (string, optional) — only this role: victim, actor, malware, motive, leaked work, responder or investigator
// example: kg query incidents --param entity=Sony
WITH trim($entity) AS raw, $entity_key AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  MATCH (n:Name)
  WHERE key <> '' AND n.key STARTS WITH key + ' '
  MATCH (n)-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  MATCH (e:Entity {id: raw})
  RETURN e
  UNION
  MATCH (e:Entity {name: raw})
  RETURN e
}
CALL (e) {
  MATCH (i:Incident)-[r]->(e)
  WHERE type(r) IN ['TARGETED', 'ATTRIBUTED_TO', 'USED', 'MOTIVATED_BY', 'LEAKED']
  RETURN i, type(r) AS rel, r.status AS status, r.claims AS evidence
  UNION
  MATCH (e)-[r]->(i:Incident)
  WHERE type(r) IN ['RESPONDED_TO', 'INVESTIGATES']
  RETURN i, type(r) AS rel, r.status AS status, r.claims AS evidence
}
WITH i, e, rel, status, evidence,
     CASE rel
       WHEN 'TARGETED' THEN 'victim'
       WHEN 'ATTRIBUTED_TO' THEN 'actor'
       WHEN 'USED' THEN 'malware'
       WHEN 'MOTIVATED_BY' THEN 'motive'
       WHEN 'LEAKED' THEN 'leaked work'
       WHEN 'RESPONDED_TO' THEN 'responder'
       ELSE 'investigator'
     END AS role
WHERE $role IS NULL OR role = $role
RETURN i.name AS incident, i.date AS date, e.name AS entity, role, status, evidence,
       COUNT { (:Article)-[:REPORTS]->(i) } AS articles
ORDER BY date, incident, entity, role
