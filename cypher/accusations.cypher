// name: accusations
// description: Who holds an actor responsible, for which incident, and in which sentence: every attribution claim naming the actor, with status, cue, source and article offsets. An actor blamed for many incidents has thousands of such claims, so it returns a page of them in this order (actor, incident, strongest status first, article, offset): the first 100 unless --param limit=N, after skipping --param skip=N.
// param: actor (string) — a threat actor, country, person or organisation: name or alias (case-insensitive), or id. Example: North Korea
// param: actor_key (key of actor) — the alias key of actor, which kg computes (kg.keys.alias_key)
// param: limit (integer, optional) — rows per page (default 100)
// param: skip (integer, optional) — rows to skip first, to page on (default 0)
// example: kg query accusations --param actor="North Korea"
WITH trim($actor) AS raw, $actor_key AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  MATCH (e:Entity {id: raw})
  RETURN e
  UNION
  MATCH (e:Entity {name: raw})
  RETURN e
}
MATCH (e)<-[:ATTRIBUTED_TO]-(i:Incident)
WITH e, i, e.name AS actor, i.name AS incident
ORDER BY actor, incident
// the attribution claims of each (incident, actor), found from whichever end has fewer; the incidents come in
// name order and the sort below only needs the first ones, so a busy actor's other incidents are not read
CALL (e, i) {
  WITH e, i WHERE COUNT { (i)<-[:SUBJECT]-() } <= COUNT { (e)<-[:OBJECT]-() }
  MATCH (i)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(end)
  WHERE c.predicate = 'ATTRIBUTED_TO' AND end = e
  RETURN c
  UNION ALL
  WITH e, i WHERE COUNT { (i)<-[:SUBJECT]-() } > COUNT { (e)<-[:OBJECT]-() }
  MATCH (e)<-[:OBJECT]-(c:Claim)-[:SUBJECT]->(end)
  WHERE c.predicate = 'ATTRIBUTED_TO' AND end = i
  RETURN c
}
WITH e, i, c, actor, incident, c.status AS status, c.article AS article, c.start AS start
ORDER BY actor, incident,
         CASE status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 WHEN 'denied' THEN 3 ELSE 4 END,
         article, start, elementId(e), elementId(i), c.id
SKIP coalesce(toInteger($skip), 0)
LIMIT coalesce(toInteger($limit), 100)
MATCH (c)-[:FROM_ARTICLE]->(a:Article)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
RETURN actor, incident, status, c.cue AS cue, coalesce(source.name, properties(a).source) AS source, article, start,
       c.end AS end, c.sentence AS sentence, c.id AS claim
