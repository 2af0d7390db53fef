// name: write/articles
// description: Upsert a batch of articles by id. The ledger properties (sha256, extractor, ingested) are
//   set only by write/ledger, once everything the article says is written, so an interrupted ingest
//   leaves the article to be written again.
// param: rows (list of maps) — id, title, url, source, published, path
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.url = row.url, a.source = row.source, a.published = row.published,
    a.path = row.path
