// name: admin/relationships
// description: Every relationship with its ends' element ids, type and properties, streamed
//   (`kg export --format neo4j-admin`).
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
