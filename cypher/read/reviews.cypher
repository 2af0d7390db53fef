// name: read/reviews
// description: Every review decision (`kg review list`), newest first, a page at a time.
// param: limit (integer) — rows per page
// param: skip (integer) — rows to skip first
MATCH (r:Review)
WHERE r.claim IS NOT NULL
RETURN r.claim AS claim, r.decision AS decision, r.by AS by, toString(r.at) AS at, r.why AS why,
       r.subject_name + ' ' + r.predicate + ' ' + r.object_name AS relation, r.status AS status, r.article AS article,
       r.sentence AS sentence, r.history AS history
ORDER BY r.at DESC, r.claim
SKIP $skip
LIMIT $limit
