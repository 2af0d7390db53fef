// name: lookup/names
// description: What each alias key names (entities and incidents), with the incidents it stands for: an incident itself, the incidents that hit a victim, or the incidents that used a malware (`via` says which). Used by `kg ask`, `kg query` and `kg export --incident`.
// param: keys (list of strings) — alias keys computed by kg.keys.alias_key, or incident ids. Example: ["acme pictures"]
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(x)
WITH key, x, CASE WHEN x:Incident THEN [[x.id, x.name]]
                  WHEN x:Malware THEN [(x)<-[:USED]-(i:Incident) | [i.id, i.name]]
                  ELSE [(x)<-[:TARGETED]-(i:Incident) | [i.id, i.name]] END AS found
RETURN key, x.id AS id, x.name AS name, CASE WHEN x:Incident THEN 'Incident' ELSE x.type END AS type,
       [pair IN found | pair[0]] AS incidents, [pair IN found | pair[1]] AS incident_names,
       CASE WHEN x:Incident THEN 'incident' WHEN x:Malware THEN 'malware' ELSE 'victim' END AS via,
       COUNT { (x)<-[:ATTRIBUTED_TO]-(:Incident) } AS accused
