// name: write/articles
// description: Upsert a batch of articles by id.
// param: rows (list of maps) — id, title, url, source, published, path, sha256, extractor
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.url = row.url, a.source = row.source, a.published = row.published,
    a.path = row.path, a.sha256 = row.sha256, a.extractor = row.extractor, a.ingested = datetime()
