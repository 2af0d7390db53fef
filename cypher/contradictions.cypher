// name: contradictions
// description: Relations the sources disagree on: asserted, claimed or suspected by one claim and denied or negated by another ("disputed"), or stated with different certainty in different articles ("differs across articles"). Each lists every status with its article and source.
// example: kg query contradictions
MATCH (c:Claim)
WHERE c.predicate IN ['TARGETED', 'ATTRIBUTED_TO', 'MOTIVATED_BY', 'RESPONDED_TO', 'HIRED', 'INVESTIGATES', 'SUBSIDIARY_OF',
                      'LEADER_OF', 'DENOUNCED', 'PRODUCED', 'APPEARS_IN', 'EXECUTIVE_OF', 'LEAKED']
MATCH (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
WITH s, c.predicate AS relation, o, c.status AS status, c.article AS article, source.name AS source
WITH s, relation, o, collect(DISTINCT {status: status, article: article, source: source}) AS claims
WITH s, relation, o, claims,
     any(x IN claims WHERE x.status IN ['asserted', 'claimed', 'suspected']) AND any(x IN claims WHERE x.status IN ['denied', 'negated']) AS disputed,
     any(x IN claims WHERE any(y IN claims WHERE y.status <> x.status AND y.article <> x.article)) AS differs,
     size(reduce(seen = [], x IN claims | CASE WHEN x.article IN seen THEN seen ELSE seen + x.article END)) AS articles
WHERE disputed OR differs
RETURN s.name AS subject, relation, o.name AS object,
       CASE WHEN disputed THEN 'disputed' ELSE 'differs across articles' END AS conflict,
       [x IN claims | x.status + ' in ' + x.article + coalesce(' according to ' + x.source, '')] AS statements,
       articles
ORDER BY conflict, subject, relation, object
