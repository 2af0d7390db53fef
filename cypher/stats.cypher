// name: stats
// description: What the graph holds: nodes by label and relationships by type (from Neo4j's count store), and claims by status.
// example: kg query stats
CALL () {
  UNWIND [
    {kind: 'node', name: 'Article', count: COUNT { (:Article) }},
    {kind: 'node', name: 'Incident', count: COUNT { (:Incident) }},
    {kind: 'node', name: 'Entity', count: COUNT { (:Entity) }},
    {kind: 'node', name: 'Organization', count: COUNT { (:Organization) }},
    {kind: 'node', name: 'ThreatActor', count: COUNT { (:ThreatActor) }},
    {kind: 'node', name: 'Country', count: COUNT { (:Country) }},
    {kind: 'node', name: 'Person', count: COUNT { (:Person) }},
    {kind: 'node', name: 'Film', count: COUNT { (:Film) }},
    {kind: 'node', name: 'Product', count: COUNT { (:Product) }},
    {kind: 'node', name: 'Malware', count: COUNT { (:Malware) }},
    {kind: 'node', name: 'Claim', count: COUNT { (:Claim) }},
    {kind: 'node', name: 'Name', count: COUNT { (:Name) }},
    {kind: 'relationship', name: 'TARGETED', count: COUNT { ()-[:TARGETED]->() }},
    {kind: 'relationship', name: 'ATTRIBUTED_TO', count: COUNT { ()-[:ATTRIBUTED_TO]->() }},
    {kind: 'relationship', name: 'MOTIVATED_BY', count: COUNT { ()-[:MOTIVATED_BY]->() }},
    {kind: 'relationship', name: 'LEAKED', count: COUNT { ()-[:LEAKED]->() }},
    {kind: 'relationship', name: 'RESPONDED_TO', count: COUNT { ()-[:RESPONDED_TO]->() }},
    {kind: 'relationship', name: 'INVESTIGATES', count: COUNT { ()-[:INVESTIGATES]->() }},
    {kind: 'relationship', name: 'HIRED', count: COUNT { ()-[:HIRED]->() }},
    {kind: 'relationship', name: 'SUBSIDIARY_OF', count: COUNT { ()-[:SUBSIDIARY_OF]->() }},
    {kind: 'relationship', name: 'LEADER_OF', count: COUNT { ()-[:LEADER_OF]->() }},
    {kind: 'relationship', name: 'DENOUNCED', count: COUNT { ()-[:DENOUNCED]->() }},
    {kind: 'relationship', name: 'PRODUCED', count: COUNT { ()-[:PRODUCED]->() }},
    {kind: 'relationship', name: 'APPEARS_IN', count: COUNT { ()-[:APPEARS_IN]->() }},
    {kind: 'relationship', name: 'EXECUTIVE_OF', count: COUNT { ()-[:EXECUTIVE_OF]->() }},
    {kind: 'relationship', name: 'USED', count: COUNT { ()-[:USED]->() }},
    {kind: 'relationship', name: 'ALIAS_OF', count: COUNT { ()-[:ALIAS_OF]->() }},
    {kind: 'relationship', name: 'SUBJECT', count: COUNT { ()-[:SUBJECT]->() }},
    {kind: 'relationship', name: 'OBJECT', count: COUNT { ()-[:OBJECT]->() }},
    {kind: 'relationship', name: 'FROM_ARTICLE', count: COUNT { ()-[:FROM_ARTICLE]->() }},
    {kind: 'relationship', name: 'ACCORDING_TO', count: COUNT { ()-[:ACCORDING_TO]->() }},
    {kind: 'relationship', name: 'MENTIONS', count: COUNT { ()-[:MENTIONS]->() }},
    {kind: 'relationship', name: 'REPORTS', count: COUNT { ()-[:REPORTS]->() }},
    {kind: 'relationship', name: 'NAMES', count: COUNT { ()-[:NAMES]->() }}
  ] AS row
  RETURN row.kind AS kind, row.name AS name, row.count AS count
  UNION ALL
  // every claim has one of the five statuses, so the commonest (asserted) is the rest of the count store's
  // total and only the other four are counted, through the index on Claim.status
  UNWIND ['claimed', 'suspected', 'denied', 'negated'] AS status
  CALL (status) {
    MATCH (c:Claim {status: status})
    RETURN count(c) AS count
  }
  WITH collect({status: status, count: count}) AS counted
  UNWIND [{status: 'asserted', count: COUNT { (:Claim) } - reduce(n = 0, x IN counted | n + x.count)}] + counted AS row
  WITH row.status AS status, row.count AS count
  WHERE count > 0
  RETURN 'claim status' AS kind, status AS name, count
  ORDER BY CASE status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 WHEN 'denied' THEN 3 ELSE 4 END
}
RETURN kind, name, count
