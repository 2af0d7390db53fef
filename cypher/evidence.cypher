// name: evidence
// description: The sentences behind the relations between two things, in either direction: article, offsets, status and its cue word, and who said it. A victim's name also stands for the incidents that hit it, and a malware's for the incidents that used it.
// param: a (string) — an entity, victim or incident: name or alias (case-insensitive), or id. Example: Sony Pictures
// param: a_key (key of a) — the alias key of a, which kg computes (kg.keys.alias_key)
// param: b (string) — the other one, the same way. Example: North Korea
// param: b_key (key of b) — the alias key of b, which kg computes (kg.keys.alias_key)
// example: kg query evidence --param a="Sony Pictures" --param b="North Korea"
UNWIND [[trim($a), $a_key], [trim($b), $b_key]] AS pair
WITH pair[0] AS raw, pair[1] AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(x)
  RETURN x
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Entity)<-[:TARGETED]-(x:Incident)
  RETURN x
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Malware)<-[:USED]-(x:Incident)
  RETURN x
  UNION
  MATCH (x:Entity {id: raw})
  RETURN x
  UNION
  MATCH (x:Incident {id: raw})
  RETURN x
  UNION
  MATCH (x:Entity {name: raw})
  RETURN x
}
WITH collect(DISTINCT CASE WHEN raw = trim($a) THEN x END) AS xs, collect(DISTINCT CASE WHEN raw = trim($b) THEN x END) AS ys
UNWIND xs AS x
MATCH (c:Claim)-[:SUBJECT|OBJECT]->(x)
MATCH (c)-[:SUBJECT|OBJECT]->(y)
WHERE y IN ys AND y <> x
WITH DISTINCT c
MATCH (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:FROM_ARTICLE]->(article:Article)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
RETURN s.name AS subject, c.predicate AS relation, o.name AS object, c.status AS status, c.cue AS cue,
       source.name AS source, article.id AS article, c.start AS start, c.end AS end, c.sentence AS sentence, c.id AS claim
ORDER BY relation, subject, object,
         CASE status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 WHEN 'denied' THEN 3 ELSE 4 END,
         article, start
