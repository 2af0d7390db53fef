// name: write/claims
// description: Upsert a batch of claims (evidence) whose subject is {subject} and object is {object}
//   (each Entity or Incident, from kg's whitelist) and whose status is {status}, linked to their article and
//   source. The status is also the claim's second label (Asserted, Claimed, Suspected, Denied, Negated; from
//   kg's whitelist), for Neo4j Browser's style; a re-extraction that changes the status swaps the label.
// param: rows (list of maps) — id, subject, predicate, object, status, cue, according_to, article,
//   sentence, start, end, rule, confidence
UNWIND $rows AS row
MATCH (s:{subject} {id: row.subject})
MATCH (o:{object} {id: row.object})
MATCH (a:Article {id: row.article})
MERGE (c:Claim {id: row.id})
SET c.predicate = row.predicate, c.status = row.status, c.cue = row.cue, c.article = row.article,
    c.sentence = row.sentence, c.start = row.start, c.end = row.end, c.rule = row.rule,
    c.confidence = row.confidence, c.according_to = row.according_to
REMOVE c:Asserted:Claimed:Suspected:Denied:Negated
SET c:{status}
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
MERGE (c)-[:FROM_ARTICLE]->(a)
WITH c, row
CALL (c, row) {
  MATCH (source:Entity {id: row.according_to})
  MERGE (c)-[:ACCORDING_TO]->(source)
}
