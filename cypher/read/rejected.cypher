// name: read/rejected
// description: Which of these claim ids an analyst rejected (`kg review reject`): the writer leaves them out when an article is written again.
// param: ids (list of strings) — claim ids
UNWIND $ids AS id
MATCH (r:Review {claim: id})
WHERE r.decision = 'rejected'
RETURN id
