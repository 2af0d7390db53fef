// name: write/kb_links
// description: Link named actors to the knowledge-base group whose aliases include their name
//   (e.g. MITRE ATT&CK); the group becomes a ThreatActor node of its own, never a rename (one no article
//   mentions yet: `mentioned_as` is empty, see write/entities).
// param: rows (list of maps) — from, to_id, to_name, to_aliases, kb_id, kb_url, source
UNWIND $rows AS row
MATCH (e:Entity {id: row.from})
MERGE (g:Entity {id: row.to_id})
ON CREATE SET g.name = row.to_name, g.type = 'ThreatActor', g.aliases = row.to_aliases, g.kb_id = row.kb_id,
              g.kb_name = row.to_name, g.kb_url = row.kb_url, g.mentioned_as = [], g:ThreatActor
MERGE (e)-[r:ALIAS_OF]->(g)
SET r.source = row.source
