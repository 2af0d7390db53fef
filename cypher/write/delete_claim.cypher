// name: write/delete_claim
// description: Take a rejected claim out of the evidence (its record stays on its Review node); the caller recomputes the direct edge it counted in.
// param: id (string) — a claim id
MATCH (c:Claim {id: $id})
DETACH DELETE c
