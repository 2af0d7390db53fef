// name: write/ledger
// description: Mark articles as completely written: their content hash and the extractor version that
//   read them. `kg ingest` skips an article whose hash and version match, and replaces the claims of one
//   whose hash differs (or whose version differs, with --reextract).
// param: rows (list of maps) — id, sha256, extractor
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.sha256 = row.sha256, a.extractor = row.extractor, a.ingested = datetime()
