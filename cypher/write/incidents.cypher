// name: write/incidents
// description: Upsert a batch of incidents and link the articles that report them. A later batch that
//   reports the incident without a date keeps the known one, and victims accumulate (main victim first).
// param: rows (list of maps) — id, name, date, kind, victims (entity ids, main victim first), keys, articles
UNWIND $rows AS row
MERGE (i:Incident {id: row.id})
SET i.name = row.name, i.date = coalesce(row.date, i.date), i.kind = row.kind,
    i.victims = reduce(acc = coalesce(i.victims, []), v IN row.victims | CASE WHEN v IN acc THEN acc ELSE acc + v END)
WITH i, row
CALL (i, row) {
  UNWIND row.keys AS key
  MERGE (n:Name {key: key})
  MERGE (n)-[:NAMES]->(i)
}
CALL (i, row) {
  UNWIND row.articles AS article_id
  MATCH (a:Article {id: article_id})
  MERGE (a)-[:REPORTS]->(i)
}
