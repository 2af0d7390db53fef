// name: write/edges_add
// description: Add the claims of articles written for the first time to the direct edge {rel} between each
//   subject ({subject}) and object ({object}): per-status counts and articles grow by what the rows
//   carry, and status, claims, disputed and conflict follow from the counts exactly as write/edges
//   computes them from scratch. Only new articles come this way (their claims cannot have been counted
//   before); a re-written article goes through write/edges, which recounts from the claims.
// param: rows (list of maps) — subject, object, asserted, claimed, suspected, denied, negated, articles
UNWIND $rows AS row
MATCH (s:{subject} {id: row.subject})
MATCH (o:{object} {id: row.object})
MERGE (s)-[r:{rel}]->(o)
SET r.asserted = coalesce(r.asserted, 0) + row.asserted,
    r.claimed = coalesce(r.claimed, 0) + row.claimed,
    r.suspected = coalesce(r.suspected, 0) + row.suspected,
    r.denied = coalesce(r.denied, 0) + row.denied,
    r.negated = coalesce(r.negated, 0) + row.negated,
    r.articles = coalesce(r.articles, 0) + row.articles
WITH r, [n IN [r.asserted, r.claimed, r.suspected, r.denied, r.negated] WHERE n > 0] AS present
SET r.claims = r.asserted + r.claimed + r.suspected + r.denied + r.negated,
    r.status = CASE WHEN r.asserted > 0 THEN 'asserted' WHEN r.claimed > 0 THEN 'claimed'
                    WHEN r.suspected > 0 THEN 'suspected' WHEN r.denied > 0 THEN 'denied' ELSE 'negated' END,
    r.disputed = r.denied + r.negated > 0,
    r.conflict = CASE
      WHEN r.asserted + r.claimed + r.suspected > 0 AND r.denied + r.negated > 0 THEN 'disputed'
      WHEN r.articles > 1 AND size(present) > 1 THEN 'differs across articles'
    END
