// name: write/edges
// description: Recompute the direct edge {rel} between each subject ({subject}) and object ({object})
//   from all their claims: status = the strongest status present (asserted > claimed > suspected >
//   denied > negated), plus a count per status, so a denial or negation is never hidden. The claims
//   are found from whichever end has fewer (a busy agency or country would make the other way slow).
//   `c` has no label on purpose: only claims have SUBJECT/OBJECT edges, and without the label the planner
//   cannot choose to seek every claim of the predicate by index and test each one (quadratic in the graph).
// param: pairs (list of maps) — subject, object
UNWIND $pairs AS pair
MATCH (s:{subject} {id: pair.subject})
MATCH (o:{object} {id: pair.object})
CALL (s, o) {
  WITH s, o WHERE COUNT { (s)<-[:SUBJECT]-() } <= COUNT { (o)<-[:OBJECT]-() }
  MATCH (s)<-[:SUBJECT]-(c)
  WHERE c.predicate = $predicate AND (c)-[:OBJECT]->(o)
  RETURN c
  UNION ALL
  WITH s, o WHERE COUNT { (s)<-[:SUBJECT]-() } > COUNT { (o)<-[:OBJECT]-() }
  MATCH (o)<-[:OBJECT]-(c)
  WHERE c.predicate = $predicate AND (c)-[:SUBJECT]->(s)
  RETURN c
}
WITH s, o, collect(c.status) AS statuses, collect(DISTINCT c.article) AS articles
MERGE (s)-[r:{rel}]->(o)
SET r.status = [st IN ['asserted', 'claimed', 'suspected', 'denied', 'negated'] WHERE st IN statuses][0],
    r.claims = size(statuses),
    r.articles = size(articles),
    r.asserted = size([st IN statuses WHERE st = 'asserted']),
    r.claimed = size([st IN statuses WHERE st = 'claimed']),
    r.suspected = size([st IN statuses WHERE st = 'suspected']),
    r.denied = size([st IN statuses WHERE st = 'denied']),
    r.negated = size([st IN statuses WHERE st = 'negated']),
    r.disputed = any(st IN statuses WHERE st IN ['denied', 'negated']),
    // conflict: 'disputed' (asserted, claimed or suspected and also denied or negated), else 'differs across
    // articles' (two statuses and two articles), else absent; indexed, so `contradictions` reads only these edges
    r.conflict = CASE
      WHEN any(st IN statuses WHERE st IN ['asserted', 'claimed', 'suspected'])
           AND any(st IN statuses WHERE st IN ['denied', 'negated']) THEN 'disputed'
      WHEN size(articles) > 1 AND any(st IN statuses WHERE st <> statuses[0]) THEN 'differs across articles'
    END
