// name: read/claims
// description: Every claim in the `kg extract` JSON shape (used by `kg eval --db`).
MATCH (c:Claim)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
RETURN {id: c.id, subject: s.id, predicate: c.predicate, object: o.id, status: c.status, cue: c.cue,
        according_to: c.according_to, article: c.article, sentence: c.sentence, start: c.start, end: c.end,
        rule: c.rule, confidence: c.confidence} AS row
