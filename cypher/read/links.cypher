// name: read/links
// description: Every knowledge-base link (ALIAS_OF) in the `kg extract` JSON shape, and the knowledge-base entry of each entity that has one (used by `kg export`).
MATCH (e:Entity)-[l:ALIAS_OF]->(g:Entity)
RETURN {from: e.id, type: 'ALIAS_OF', source: l.source,
        to: {id: g.id, name: g.name, type: g.type, aliases: coalesce(g.aliases, []),
             kb: {id: g.kb_id, name: g.kb_name, url: g.kb_url}},
        from_kb: {id: e.kb_id, name: e.kb_name, url: e.kb_url}} AS row
