// name: list_incidents
// description: Every incident, a page at a time, the most reported first: its date, victims, actors (with the strongest status), malware, how many articles report it and how many claims are about it, and the first and last publication dates of those articles (`kg list incidents`).
// param: limit (integer, optional) — rows per page (default 50)
// param: skip (integer, optional) — rows to skip first, to page on (default 0)
// example: kg list incidents --limit 20
MATCH (i:Incident)
WHERE i.id IS NOT NULL
WITH i, COUNT { (i)<-[:REPORTS]-() } AS articles, COUNT { (i)<-[:SUBJECT|OBJECT]-() } AS claims
ORDER BY articles DESC, claims DESC, i.name, i.id
SKIP coalesce(toInteger($skip), 0)
LIMIT coalesce(toInteger($limit), 50)
CALL (i) {
  OPTIONAL MATCH (a:Article)-[:REPORTS]->(i)
  RETURN min(properties(a).published) AS first, max(properties(a).published) AS last
}
RETURN i.name AS incident, i.date AS date,
       [(i)-[t:TARGETED]->(v:Entity) WHERE t.status IN ['asserted', 'claimed', 'suspected'] | v.name] AS victims,
       [(i)-[r:ATTRIBUTED_TO]->(a:Entity) | a.name + ' (' + r.status + ')'] AS actors,
       [(i)-[:USED]->(m:Malware) | m.name] AS malware,
       articles, claims, first AS first_reported, last AS last_reported, i.id AS id
