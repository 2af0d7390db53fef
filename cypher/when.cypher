// name: when
// description: When an incident happened: its date as the articles give it, and the first and last publication dates of the articles that report it.
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg query when --param target=WannaCry
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
  OPTIONAL MATCH (a:Article)-[:REPORTS]->(i)
  RETURN min(properties(a).published) AS first, max(properties(a).published) AS last, count(a) AS articles
}
RETURN i.name AS incident, i.date AS date, i.date_basis AS date_basis, first AS first_reported, last AS last_reported, articles
ORDER BY date, incident
