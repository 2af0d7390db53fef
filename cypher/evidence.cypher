// name: evidence
// description: The sentences behind the relations between two things, in either direction: article, offsets, status and its cue word, and who said it. A victim's name also stands for the incidents that hit it, and a malware's for the incidents that used it.
// param: a (string) — an entity, victim or incident: name or alias (case-insensitive), or id. Example: Sony Pictures
// param: b (string) — the other one, the same way. Example: North Korea
// example: kg query evidence --param a="Sony Pictures" --param b="North Korea"
UNWIND [trim($a), trim($b)] AS raw
WITH raw, reduce(s = replace(replace(toLower(raw), '.', ''), '’', "'"), ch IN ['#', '-', '/', ',', ':', ';', '!', '?', '(', ')', '[', ']', '"', '“', '”', '&', '+', '*', '@', '|', '{', '}', '<', '>', '=', '%', '$', '~', '^', '`', '–', '—', '…', '«', '»', '‘', '\t', '\n'] | replace(s, ch, ' ')) + ' ' AS s
WITH raw, [w IN split(replace(replace(s, "'s ", ' '), "'", ' '), ' ') WHERE w <> ''] AS words
WITH raw, CASE WHEN size(words) > 1 AND words[0] = 'the' THEN tail(words) ELSE words END AS words
WITH raw, reduce(w = words, i IN [1, 2] | CASE WHEN size(w) > 1 AND last(w) IN ['inc', 'ltd', 'llc', 'plc', 'co', 'corp', 'gmbh', 'ag', 'sa'] THEN w[..-1] ELSE w END) AS words
WITH raw, reduce(k = '', w IN words | k + CASE k WHEN '' THEN '' ELSE ' ' END + w) AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(x)
  RETURN x
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Entity)<-[:TARGETED]-(x:Incident)
  RETURN x
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Malware)<-[:USED]-(x:Incident)
  RETURN x
  UNION
  MATCH (x:Entity {id: raw})
  RETURN x
  UNION
  MATCH (x:Incident {id: raw})
  RETURN x
  UNION
  MATCH (x:Entity {name: raw})
  RETURN x
}
WITH collect(DISTINCT CASE WHEN raw = trim($a) THEN x END) AS xs, collect(DISTINCT CASE WHEN raw = trim($b) THEN x END) AS ys
UNWIND xs AS x
MATCH (c:Claim)-[:SUBJECT|OBJECT]->(x)
MATCH (c)-[:SUBJECT|OBJECT]->(y)
WHERE y IN ys AND y <> x
WITH DISTINCT c
MATCH (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:FROM_ARTICLE]->(article:Article)
OPTIONAL MATCH (c)-[:ACCORDING_TO]->(source:Entity)
RETURN s.name AS subject, c.predicate AS relation, o.name AS object, c.status AS status, c.cue AS cue,
       source.name AS source, article.id AS article, c.start AS start, c.end AS end, c.sentence AS sentence, c.id AS claim
ORDER BY relation, subject, object,
         CASE status WHEN 'asserted' THEN 0 WHEN 'claimed' THEN 1 WHEN 'suspected' THEN 2 WHEN 'denied' THEN 3 ELSE 4 END,
         article, start
