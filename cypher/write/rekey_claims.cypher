// name: write/rekey_claims
// description: Give moved claims the ids their new ends make; a claim whose new id another claim already
//   has (the same sentence said the same of the two merged nodes), or whose ends became one node, goes.
// param: rows (list of maps) — old, new (claim ids; new is null for a claim to delete)
UNWIND $rows AS row
MATCH (c:Claim {id: row.old})
OPTIONAL MATCH (d:Claim {id: row.new})
WITH c, row, d IS NOT NULL OR row.new IS NULL AS gone
CALL (c, row, gone) {
  WITH c, row, gone WHERE NOT gone
  SET c.id = row.new
}
CALL (c, gone) {
  WITH c, gone WHERE gone
  DETACH DELETE c
}
