// name: lookup/similar
// description: Candidate names for "did you mean …": the (:Name) keys that start with any of the given prefixes (the first letters of each word the user typed), at most $per_prefix per prefix, with what each names. kg.store.suggest ranks them with rapidfuzz.
// param: prefixes (list of strings) — key prefixes, e.g. the first three letters of each word. Example: ["wan"]
// param: per_prefix (integer) — at most this many keys per prefix. Example: 500
UNWIND $prefixes AS prefix
CALL (prefix) {
  MATCH (n:Name)
  WHERE n.key STARTS WITH prefix
  RETURN n
  LIMIT $per_prefix
}
MATCH (n)-[:NAMES]->(x)
RETURN DISTINCT n.key AS key, x.id AS id, x.name AS name, CASE WHEN x:Incident THEN 'Incident' ELSE x.type END AS type
