// name: read/reported_incidents
// description: The incidents some articles report (before a replacement or forget removes their REPORTS
//   edges), so each is checked afterwards and pruned when nothing reports or uses it any more.
// param: ids (list of strings) — article ids
UNWIND $ids AS id
MATCH (:Article {id: id})-[:REPORTS]->(i:Incident)
RETURN DISTINCT i.id AS incident
