// name: write/claims_new
// description: Create a batch of claims of articles written for the first time, whose subject is {subject}
//   and object is {object} (each Entity or Incident, from kg's whitelist) and whose status is {status} (the
//   claim's second label: Asserted, Claimed, Suspected, Denied or Negated), linked to their article and
//   source. The article did not exist before this write, so none of its claims can: CREATE, not MERGE
//   (the claim_id constraint still refuses a duplicate). Re-writes go through write/claims.
// param: rows (list of maps) — id, subject, predicate, object, status, cue, according_to, article,
//   sentence, start, end, rule, confidence
UNWIND $rows AS row
MATCH (s:{subject} {id: row.subject})
MATCH (o:{object} {id: row.object})
MATCH (a:Article {id: row.article})
CREATE (c:Claim:{status} {id: row.id, predicate: row.predicate, status: row.status, cue: row.cue, article: row.article,
                 sentence: row.sentence, start: row.start, end: row.end, rule: row.rule,
                 confidence: row.confidence, according_to: row.according_to})
CREATE (c)-[:SUBJECT]->(s)
CREATE (c)-[:OBJECT]->(o)
CREATE (c)-[:FROM_ARTICLE]->(a)
WITH c, row
CALL (c, row) {
  MATCH (source:Entity {id: row.according_to})
  CREATE (c)-[:ACCORDING_TO]->(source)
}
