// name: write/edges
// description: Recompute the direct edge {rel} between each subject ({subject}) and object ({object})
//   from all their claims: status = the strongest status present (asserted > claimed > suspected >
//   denied > negated), plus a count per status, so a denial or negation is never hidden.
// param: pairs (list of maps) — subject, object
UNWIND $pairs AS pair
MATCH (s:{subject} {id: pair.subject})
MATCH (o:{object} {id: pair.object})
MATCH (c:Claim {predicate: $predicate})-[:SUBJECT]->(s)
WHERE (c)-[:OBJECT]->(o)
WITH s, o, collect(c) AS claims
WITH s, o, claims, [st IN ['asserted', 'claimed', 'suspected', 'denied', 'negated']
                    WHERE any(c IN claims WHERE c.status = st)] AS present
MERGE (s)-[r:{rel}]->(o)
SET r.status = present[0],
    r.claims = size(claims),
    r.articles = size(reduce(acc = [], c IN claims | CASE WHEN c.article IN acc THEN acc ELSE acc + c.article END)),
    r.asserted = size([c IN claims WHERE c.status = 'asserted']),
    r.claimed = size([c IN claims WHERE c.status = 'claimed']),
    r.suspected = size([c IN claims WHERE c.status = 'suspected']),
    r.denied = size([c IN claims WHERE c.status = 'denied']),
    r.negated = size([c IN claims WHERE c.status = 'negated']),
    r.disputed = any(c IN claims WHERE c.status IN ['denied', 'negated'])
