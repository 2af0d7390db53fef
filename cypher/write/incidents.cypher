// name: write/incidents
// description: Upsert a batch of incidents and link the articles that report them. Name, date and victims
//   (main victim first) come from the resolver, decided by what every article reporting it says (the row's
//   evidence, kept on the node for the next run), so they are set, not accumulated.
// param: rows (list of maps) — id, name, date, date_basis ("text" or "published"), date_source (JSON text:
//   {article, start, end, sentence}, the sentence that gave the date), kind, victims (entity ids, main victim first), keys, evidence,
//   articles
UNWIND $rows AS row
MERGE (i:Incident {id: row.id})
SET i.name = row.name, i.date = row.date, i.date_basis = row.date_basis, i.date_source = row.date_source,
    i.kind = row.kind, i.victims = row.victims, i.evidence = row.evidence
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
