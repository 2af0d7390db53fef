// name: connections
// description: The shortest evidence-backed paths (at most 4 hops) between two entities or incidents. Every hop is a relation some claim asserts, claims or suspects (denied or negated ones do not count), or a knowledge-base alias link; the weakest hop is shown.
// param: a (string) — an entity or incident: name or alias (case-insensitive), or id. Example: Mandiant
// param: a_key (key of a) — the alias key of a, which kg computes (kg.keys.alias_key)
// param: b (string) — the other one, the same way. Example: North Korea
// param: b_key (key of b) — the alias key of b, which kg computes (kg.keys.alias_key)
// example: kg query connections --param a=Mandiant --param b="North Korea"
UNWIND [[trim($a), $a_key], [trim($b), $b_key]] AS pair
WITH pair[0] AS raw, pair[1] AS key
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
