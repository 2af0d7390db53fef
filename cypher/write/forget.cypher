// name: write/forget
// description: Delete article nodes (after write/retract_claims and write/retract_mentions emptied them).
// param: ids (list of strings) — article ids
UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a
