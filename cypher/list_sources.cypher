// name: list_sources
// description: The articles in the graph, a page at a time, newest first (undated ones last): title, outlet, publication date, the incidents each reports, how many claims it makes, and the sources its claims cite (`kg list sources`).
// param: limit (integer, optional) — rows per page (default 50)
// param: skip (integer, optional) — rows to skip first, to page on (default 0)
// example: kg list sources
MATCH (a:Article)
WHERE a.id IS NOT NULL
WITH a, properties(a).published AS published
ORDER BY published IS NULL, published DESC, a.id
SKIP coalesce(toInteger($skip), 0)
LIMIT coalesce(toInteger($limit), 50)
RETURN a.id AS article, a.title AS title, a.source AS source, published,
       [(a)-[:REPORTS]->(i:Incident) | i.name] AS incidents,
       COUNT { (a)<-[:FROM_ARTICLE]-() } AS claims,
       COLLECT { MATCH (a)<-[:FROM_ARTICLE]-(:Claim)-[:ACCORDING_TO]->(s:Entity) RETURN DISTINCT s.name } AS cites
