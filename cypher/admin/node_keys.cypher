// name: admin/node_keys
// description: Every label set in the database with each property key and the value types it holds (for the
//   headers of `kg export --format neo4j-admin`). Reads every node once.
MATCH (n)
WITH labels(n) AS labels, n
UNWIND keys(n) AS key
RETURN labels, key, collect(DISTINCT valueType(n[key])) AS types
