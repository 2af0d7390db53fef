// name: attribution
// description: Who is behind an incident: each actor with its strongest status, claims and articles per status, sources, and whether any claim denies or negates it. Asserted and claimed come first, then suspected; denials are shown, never hidden.
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg query attribution --param target="Sony Pictures"
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
MATCH (i)-[r:ATTRIBUTED_TO]->(actor:Entity)
MATCH (c:Claim)-[:SUBJECT]->(i)
WHERE c.predicate = 'ATTRIBUTED_TO' AND (c)-[:OBJECT]->(actor)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
WITH i, actor, r, c, source
ORDER BY source.name
WITH i, actor, r, collect(DISTINCT c) AS claims, collect(DISTINCT source.name) AS sources
WITH i, actor, r, claims, sources,
     CASE r.status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 0 WHEN 'suspected' THEN 1 ELSE 2 END AS rank
RETURN i.name AS incident,
       actor.name AS actor,
       actor.type AS type,
       r.status AS status,
       size(claims) AS claims,
       r.articles AS articles,
       [st IN ['asserted', 'claimed', 'suspected', 'denied', 'negated']
        WHERE any(c IN claims WHERE c.status = st)
        | st + ': ' + toString(size([c IN claims WHERE c.status = st])) + ' claims/'
          + toString(size(reduce(a = [], c IN [x IN claims WHERE x.status = st] | CASE WHEN c.article IN a THEN a ELSE a + c.article END)))
          + ' articles'] AS by_status,
       sources,
       r.disputed AS disputed
ORDER BY incident, rank, claims DESC, actor
