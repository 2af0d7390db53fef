// name: timeline
// description: An incident's events in order: the incident with its date and what the date rests on (the text, or its article's publication date), then each report (article) by publication date, each followed by the claims it makes in text order.
// param: target (string) — an incident's name, a victim's or the name of malware the incident used, any alias (case-insensitive), or an incident id. Example: Sony Pictures
// param: target_key (key of target) — the alias key of target, which kg computes (kg.keys.alias_key)
// example: kg query timeline --param target="Sony Pictures"
WITH trim($target) AS raw, $target_key AS key
CALL (raw, key) {
  MATCH (:Name {key: key})-[:NAMES]->(i:Incident)
  RETURN i
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Entity)<-[:TARGETED]-(i:Incident)
  RETURN i
  UNION
  MATCH (:Name {key: key})-[:NAMES]->(:Malware)<-[:USED]-(i:Incident)
  RETURN i
  UNION
  MATCH (i:Incident {id: raw})
  RETURN i
  UNION
  MATCH (:Entity {id: raw})<-[:TARGETED]-(i:Incident)
  RETURN i
}
CALL (i) {
  RETURN i.date AS date, 'incident' AS kind, i.name + CASE i.date_basis
           WHEN 'text' THEN ' (date from the text)' WHEN 'published' THEN " (date: its article's publication date)"
           ELSE '' END AS event, null AS status, null AS article, -1 AS start
  UNION
  MATCH (article:Article)-[:REPORTS]->(i)
  RETURN properties(article).published AS date, 'report' AS kind, coalesce(article.title, article.id) AS event, null AS status,
         article.id AS article, -1 AS start
  UNION
  MATCH (c:Claim)-[:SUBJECT|OBJECT]->(i)
  MATCH (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:FROM_ARTICLE]->(article:Article)
  RETURN properties(article).published AS date, 'claim' AS kind, s.name + ' ' + c.predicate + ' ' + o.name AS event,
         c.status AS status, article.id AS article, c.start AS start
}
RETURN i.name AS incident, date, kind, event, status, article, CASE WHEN start < 0 THEN null ELSE start END AS offset
ORDER BY incident, date, coalesce(article, ''), start
