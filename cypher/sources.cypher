// name: sources
// description: Who said what about an incident: each source (a cited outlet or person, else the article itself) with what it said, how certain, in how many claims and which articles.
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg query sources --param target="Sony Pictures"
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
MATCH (c:Claim)-[:SUBJECT|OBJECT]->(i)
MATCH (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:FROM_ARTICLE]->(article:Article)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(cited:Entity)
WITH i, c, s, o, article, cited,
     coalesce(cited.name, properties(article).source, article.id) AS source,
     CASE WHEN cited IS NOT NULL THEN cited.type WHEN properties(article).source IS NOT NULL THEN 'outlet' ELSE 'article' END AS kind
WITH i, source, kind, s.name + ' ' + c.predicate + ' ' + o.name AS said, c.status AS status,
     count(DISTINCT c) AS claims, collect(DISTINCT article.id) AS articles
RETURN i.name AS incident, source, kind, said, status, claims, articles
ORDER BY incident, CASE kind WHEN 'article' THEN 2 WHEN 'outlet' THEN 1 ELSE 0 END, source, said
