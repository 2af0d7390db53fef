// name: write/review
// description: Record an analyst's decision on a claim, keyed by the claim id (stable across re-extraction): decision (rejected, restored, asserted), why, by, when, the claim as it was (record, JSON) and its ends' names; every decision is appended to the history.
// param: row (map) — claim, decision, why, by, record, predicate, status, article, sentence, subject, subject_name, object, object_name
MERGE (r:Review {claim: $row.claim})
SET r.decision = $row.decision, r.why = $row.why, r.by = $row.by, r.at = datetime(),
    r.record = coalesce($row.record, r.record), r.predicate = $row.predicate, r.status = $row.status,
    r.article = $row.article, r.sentence = $row.sentence, r.subject = $row.subject,
    r.subject_name = $row.subject_name, r.object = $row.object, r.object_name = $row.object_name,
    r.history = coalesce(r.history, []) + [toString(datetime()) + ' ' + $row.decision + ' by ' + $row.by + coalesce(': ' + $row.why, '')]
