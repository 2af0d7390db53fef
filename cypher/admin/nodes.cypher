// name: admin/nodes
// description: Every node with its element id, labels and properties, streamed (`kg export --format neo4j-admin`).
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
