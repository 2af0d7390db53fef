// name: read/ledger
// description: The ledger entries of some articles: content hash and extractor version, null for an
//   article that was never completely written.
// param: ids (list of strings) — article ids
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256, a.extractor AS extractor, a.path AS path
