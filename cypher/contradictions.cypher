// name: contradictions
// description: Relations the sources disagree on: asserted, claimed or suspected by one claim and denied or negated by another ("disputed"), or stated with different certainty in different articles ("differs across articles"). Each lists every status with its article and source, article by article. kg marks these relations when it writes them (the direct edge's `conflict`), so the query reads only them; a big graph has thousands, so it returns a page of them in this order (conflict, subject, relation, object): the first 100 unless --param limit=N, after skipping --param skip=N.
// param: limit (integer, optional) — rows per page (default 100)
// param: skip (integer, optional) — rows to skip first, to page on (default 0)
// example: kg query contradictions
CALL () {
  MATCH (s)-[r:TARGETED]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:ATTRIBUTED_TO]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:MOTIVATED_BY]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:RESPONDED_TO]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:HIRED]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:INVESTIGATES]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:SUBSIDIARY_OF]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:LEADER_OF]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:DENOUNCED]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:PRODUCED]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:APPEARS_IN]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:EXECUTIVE_OF]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:LEAKED]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
  UNION ALL
  MATCH (s)-[r:USED]->(o) WHERE r.conflict IS NOT NULL RETURN s, r, o
}
WITH s, r, o
ORDER BY r.conflict, s.name, type(r), o.name, elementId(s), elementId(o)
SKIP coalesce(toInteger($skip), 0)
LIMIT coalesce(toInteger($limit), 100)
// the edge's claims, found from whichever end has fewer (as write/edges does)
CALL (s, r, o) {
  WITH s, r, o WHERE COUNT { (s)<-[:SUBJECT]-() } <= COUNT { (o)<-[:OBJECT]-() }
  MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(end)
  WHERE c.predicate = type(r) AND end = o
  RETURN c
  UNION ALL
  WITH s, r, o WHERE COUNT { (s)<-[:SUBJECT]-() } > COUNT { (o)<-[:OBJECT]-() }
  MATCH (o)<-[:OBJECT]-(c:Claim)-[:SUBJECT]->(end)
  WHERE c.predicate = type(r) AND end = s
  RETURN c
}
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
WITH DISTINCT s, r, o, c.article AS article, c.status AS status, source.name AS source
ORDER BY article, CASE status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 WHEN 'denied' THEN 3 ELSE 4 END,
         source
WITH s, r, o, collect(status + ' in ' + article + coalesce(' according to ' + source, '')) AS statements
RETURN s.name AS subject, type(r) AS relation, o.name AS object, r.conflict AS conflict, statements, r.articles AS articles
ORDER BY conflict, subject, relation, object, elementId(s), elementId(o)
