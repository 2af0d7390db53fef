// name: write/edges
// description: Recompute the direct edge {rel} between each subject ({subject}) and object ({object})
//   from all their claims: status = the strongest status present (asserted > claimed > suspected >
//   denied > negated), plus a count per status, so a denial or negation is never hidden. The claims
//   are found from whichever end has fewer (a busy agency or country would make the other way slow).
// param: pairs (list of maps) — subject, object
UNWIND $pairs AS pair
MATCH (s:{subject} {id: pair.subject})
MATCH (o:{object} {id: pair.object})
CALL (s, o) {
  WITH s, o WHERE COUNT { (s)<-[:SUBJECT]-() } <= COUNT { (o)<-[:OBJECT]-() }
  MATCH (s)<-[:SUBJECT]-(c:Claim)
  WHERE c.predicate = $predicate AND (c)-[:OBJECT]->(o)
  RETURN c
  UNION ALL
  WITH s, o WHERE COUNT { (s)<-[:SUBJECT]-() } > COUNT { (o)<-[:OBJECT]-() }
  MATCH (o)<-[:OBJECT]-(c:Claim)
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
    r.disputed = any(st IN statuses WHERE st IN ['denied', 'negated'])
