// name: admin/relationship_keys
// description: Every relationship type with each property key and the value types it holds (for the headers
//   of `kg export --format neo4j-admin`). Reads every relationship once.
MATCH ()-[r]->()
WITH type(r) AS type, r
UNWIND keys(r) AS key
RETURN type, key, collect(DISTINCT valueType(r[key])) AS types
