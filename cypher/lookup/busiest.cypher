// name: lookup/busiest
// description: The main victim of the incident with the most attribution claims: what `kg demo` and
//   `kg browser --screenshot` ask about when no target is given.
MATCH (i:Incident)-[r:ATTRIBUTED_TO]->()
WITH i, sum(r.claims) AS claims
ORDER BY claims DESC, i.id
LIMIT 1
MATCH (i)-[:TARGETED]->(victim:Entity)
RETURN victim.name AS target
ORDER BY CASE WHEN victim.id = i.victims[0] THEN 0 ELSE 1 END, victim.name
LIMIT 1
