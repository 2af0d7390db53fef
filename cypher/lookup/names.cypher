// name: lookup/names
// description: What each alias key names (entities and incidents), with the incidents it stands for: an incident itself, or the incidents that hit a victim. Used by `kg ask` and `kg export --incident`.
// param: keys (list of strings) — alias keys computed by kg.resolve.keys.alias_key, or incident ids. Example: ["sony pictures"]
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(x)
RETURN key, x.id AS id, x.name AS name, CASE WHEN x:Incident THEN 'Incident' ELSE x.type END AS type,
       CASE WHEN x:Incident THEN [x.id] ELSE [(x)<-[:TARGETED]-(i:Incident) | i.id] END AS incidents,
       COUNT { (x)<-[:ATTRIBUTED_TO]-(:Incident) } AS accused
