// name: responders
// description: Who responded to or investigated an incident (security firms called in, agencies that investigate), with the strongest status, claims and articles behind each.
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg query responders --param target="Sony Pictures"
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
  MATCH (e:Entity)-[r:RESPONDED_TO]->(i)
  RETURN e, 'responded' AS role, r
  UNION
  MATCH (e:Entity)-[r:INVESTIGATES]->(i)
  RETURN e, 'investigated' AS role, r
}
RETURN i.name AS incident, e.name AS entity, e.type AS type, e.kind AS kind, role, r.status AS status,
       r.claims AS claims, r.articles AS articles
ORDER BY incident, CASE r.status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 ELSE 3 END,
         role, entity
