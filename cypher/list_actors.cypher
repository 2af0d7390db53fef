// name: list_actors
// description: The threat actors, and every entity an incident is attributed to (asserted, claimed or suspected), a page at a time, the most blamed first: type, the incidents attributed to it, claims about it, articles that mention it, the dates of those incidents and articles, and its ATT&CK group (`kg list actors`).
// param: limit (integer, optional) — rows per page (default 50)
// param: skip (integer, optional) — rows to skip first, to page on (default 0)
// example: kg list actors
CALL () {
  MATCH (e:Entity)
  WHERE e.type = 'ThreatActor'
  RETURN e
  UNION
  MATCH (i:Incident)
  WHERE i.id IS NOT NULL
  MATCH (i)-[r:ATTRIBUTED_TO]->(e:Entity)
  WHERE r.status IN ['asserted', 'claimed', 'suspected']
  RETURN e
}
// Only incidents attribute and only articles mention: counting edges by type alone reads a node's degree
// instead of expanding every edge to check the label at its other end.
WITH e, COUNT { (e)<-[:ATTRIBUTED_TO]-() } AS incidents, COUNT { (e)<-[:SUBJECT|OBJECT]-() } AS claims,
     COUNT { (e)<-[:MENTIONS]-() } AS articles
ORDER BY incidents DESC, claims DESC, e.name, e.id
SKIP coalesce(toInteger($skip), 0)
LIMIT coalesce(toInteger($limit), 50)
CALL (e) {
  OPTIONAL MATCH (a:Article)-[:MENTIONS]->(e)
  RETURN min(properties(a).published) AS first, max(properties(a).published) AS last
}
RETURN e.name AS actor, e.type AS type,
       [(e)<-[r:ATTRIBUTED_TO]-(i:Incident) | i.name + coalesce(' ' + i.date, '') + ' (' + r.status + ')'] AS attributed,
       claims, articles, first AS first_mentioned, last AS last_mentioned,
       CASE WHEN e.kb_id IS NULL THEN [(e)-[:ALIAS_OF]->(g:Entity) | g.kb_id + ' ' + g.name] ELSE [e.kb_id + ' ' + e.kb_name] END AS attack,
       e.id AS id
