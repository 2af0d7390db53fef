// name: read/mention_names
// description: For each entity, its name and the names the articles that still mention it use (from their
//   MENTIONS edges), and its votes (evidence: the acronyms it is also looked up by), so its aliases and look-up
//   keys can be recomputed after an article is removed.
// param: ids (list of strings) — entity ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Article)
  UNWIND coalesce(m.aliases, []) AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
RETURN e.id AS id, e.name AS name, aliases, e.evidence AS evidence
