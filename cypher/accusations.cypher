// name: accusations
// description: Who holds an actor responsible, for which incident, and in which sentence: every attribution claim naming the actor, with status, cue, source and article offsets.
// param: actor (string) — a threat actor, country, person or organisation: name or alias (case-insensitive), or id. Example: North Korea
// example: kg query accusations --param actor="North Korea"
WITH trim($actor) AS raw
WITH raw, reduce(s = replace(replace(toLower(raw), '.', ''), '’', "'"), ch IN ['#', '-', '/', ',', ':', ';', '!', '?', '(', ')', '[', ']', '"', '“', '”', '&', '+', '*', '@', '|', '{', '}', '<', '>', '=', '%', '$', '~', '^', '`', '–', '—', '…', '«', '»', '‘', '\t', '\n'] | replace(s, ch, ' ')) + ' ' AS s
WITH raw, [w IN split(replace(replace(s, "'s ", ' '), "'", ' '), ' ') WHERE w <> ''] AS words
WITH raw, CASE WHEN size(words) > 1 AND words[0] = 'the' THEN tail(words) ELSE words END AS words
WITH raw, reduce(w = words, i IN [1, 2] | CASE WHEN size(w) > 1 AND last(w) IN ['inc', 'ltd', 'llc', 'plc', 'co', 'corp', 'gmbh', 'ag', 'sa'] THEN w[..-1] ELSE w END) AS words
WITH raw, reduce(k = '', w IN words | k + CASE k WHEN '' THEN '' ELSE ' ' END + w) AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  MATCH (e:Entity {id: raw})
  RETURN e
  UNION
  MATCH (e:Entity {name: raw})
  RETURN e
}
MATCH (e)<-[:OBJECT]-(c:Claim)-[:SUBJECT]->(i:Incident)
WHERE c.predicate = 'ATTRIBUTED_TO'
MATCH (c)-[:FROM_ARTICLE]->(article:Article)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
RETURN e.name AS actor, i.name AS incident, c.status AS status, c.cue AS cue,
       coalesce(source.name, properties(article).source) AS source, article.id AS article, c.start AS start, c.end AS end,
       c.sentence AS sentence
ORDER BY actor, incident,
         CASE status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 WHEN 'denied' THEN 3 ELSE 4 END,
         article, start
