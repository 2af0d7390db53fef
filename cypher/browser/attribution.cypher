// name: browser/attribution
// description: The attribution subgraph of an incident, for Neo4j Browser to draw: the victim, every actor with the strongest status, each claim with its article and cited source, and knowledge-base aliases of the actors.
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg browser --screenshot attribution.png --target "Sony Pictures"
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
MATCH (i)-[attributed:ATTRIBUTED_TO]->(actor:Entity)
OPTIONAL MATCH (i)-[targeted:TARGETED]->(victim:Entity)
OPTIONAL MATCH (claim:Claim)-[about:SUBJECT]->(i)
WHERE claim.predicate = 'ATTRIBUTED_TO' AND (claim)-[:OBJECT]->(actor)
OPTIONAL MATCH (claim)-[names:OBJECT]->(actor)
OPTIONAL MATCH (claim)-[from:FROM_ARTICLE]->(article:Article)
OPTIONAL MATCH (claim)-[cited:ACCORDING_TO]->(source:Entity)
OPTIONAL MATCH (actor)-[alias:ALIAS_OF]->(group:Entity)
RETURN i, attributed, actor, targeted, victim, claim, about, names, from, article, cited, source, alias, group
