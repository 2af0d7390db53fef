// name: connections
// description: The shortest evidence-backed paths (at most 4 hops) between two entities or incidents. Every hop is a relation some claim asserts, claims or suspects (denied or negated ones do not count), or a knowledge-base alias link; the weakest hop is shown.
// param: a (string) — an entity or incident: name or alias (case-insensitive), or id. Example: Mandiant
// param: b (string) — the other one, the same way. Example: North Korea
// example: kg query connections --param a=Mandiant --param b="North Korea"
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
UNWIND ys AS y
WITH x, y
WHERE x <> y
MATCH p = allShortestPaths((x)-[*..4]-(y))
WHERE all(r IN relationships(p) WHERE r.status IN ['asserted', 'claimed', 'suspected'] OR type(r) = 'ALIAS_OF')
WITH p, nodes(p) AS ns, relationships(p) AS rs
WITH p, ns, rs,
     reduce(w = 0, r IN rs | CASE WHEN r.status = 'suspected' AND w < 2 THEN 2 WHEN r.status = 'claimed' AND w < 1 THEN 1 ELSE w END) AS weakest
RETURN size(rs) AS hops,
       reduce(text = ns[0].name, i IN range(0, size(rs) - 1) |
         text + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -[' ELSE ' <-[' END + type(rs[i]) + coalesce(' ' + rs[i].status, '')
         + CASE WHEN startNode(rs[i]) = ns[i] THEN ']-> ' ELSE ']- ' END + ns[i + 1].name) AS path,
       ['asserted', 'claimed', 'suspected'][weakest] AS weakest,
       reduce(n = 0, r IN rs | n + coalesce(r.claims, 0)) AS claims
ORDER BY hops, weakest, claims DESC, path
LIMIT 25
